package org.peerpulse.localstack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RS256 key tokens are signed with. When a file is given the key is kept there, so a token someone
 * copied into a shell or a browser keeps working after {@code ./peerpulse up} is run again; {@code --fresh}
 * wipes the data directory and with it the key.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static RSAKey loadOrCreate(Path file) {
        if (file == null) {
            return generate();
        }
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            ownerOnly(partial);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file, e);
        }
        catch (ParseException e) {
            throw new IllegalStateException("The signing key in " + file + " is not a JWK; delete it to make a new one", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays with the folder's permissions.
        }
    }
}
