package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.chromium.ChromiumDriver;

/** The whole page at the current viewport's width, not only what fits on the screen, as a PNG. */
public final class WholePageScreenshot {

    private WholePageScreenshot() {
    }

    /** Writes the page in {@code browser} to {@code file}, creating its folder. */
    public static void save(ChromiumDriver browser, Path file) {
        long width = ((Number) browser.executeScript("return document.documentElement.clientWidth")).longValue();
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
