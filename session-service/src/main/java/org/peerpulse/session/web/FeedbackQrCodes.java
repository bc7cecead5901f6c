package org.peerpulse.session.web;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The feedback link as a QR code a participant's phone can scan off the specialist's screen: a PNG data
 * URI, made on each answer and never stored (it holds the raw token). Medium error correction and the
 * standard four-module quiet zone, at four pixels a module, stay readable on a dim or scratched screen.
 */
public final class FeedbackQrCodes {

    private static final int PIXELS_PER_MODULE = 4;
    private static final int QUIET_ZONE_MODULES = 4;

    public String pngDataUri(String url) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalStateException("a feedback link does not fit in a QR code", e);
        }
        int width = modules.getWidth() * PIXELS_PER_MODULE;
        int height = modules.getHeight() * PIXELS_PER_MODULE;
        // One bit a pixel, written straight into the image's bytes (0 is the palette's black, 1 its white):
        // setRGB per pixel went through the colour model each time, a quarter of a logged session's CPU in a profile.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int bytesPerRow = (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!modules.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE)) {
                    pixels[y * bytesPerRow + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // In memory: ImageIO.write would buffer through a temporary file on disk for every code.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a PNG in memory", e);
        } finally {
            writer.dispose();
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
