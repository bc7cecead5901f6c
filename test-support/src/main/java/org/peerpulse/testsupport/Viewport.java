package org.peerpulse.testsupport;

import java.util.Map;

import org.openqa.selenium.chromium.HasCdp;

/**
 * A screen a page is looked at on, emulated in Chromium through the DevTools protocol: a desktop Chromium
 * window cannot be made narrower than about 500 px, and a phone's page also depends on the mobile flag
 * (the viewport meta tag is only honoured with it).
 */
public record Viewport(String name, int width, int height, boolean mobile) {

    /** A small phone held upright; the narrowest screen the pages are made for. */
    public static final Viewport PHONE = new Viewport("phone", 375, 812, true);

    /** A common laptop screen. */
    public static final Viewport LAPTOP = new Viewport("laptop", 1366, 900, false);

    /** Makes the page in {@code browser} lay itself out for this screen; no reload needed. */
    public void emulateOn(HasCdp browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    @Override
    public String toString() {
        return name + " " + width + "x" + height;
    }
}
