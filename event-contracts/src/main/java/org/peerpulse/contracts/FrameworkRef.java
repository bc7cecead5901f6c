package org.peerpulse.contracts;

/** Which framework version a form was built from or a rating was answered under. */
public record FrameworkRef(String id, int version) {

    public FrameworkRef {
        requireText(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
