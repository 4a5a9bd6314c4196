package dev.integrations.web;

import dev.integrations.testing.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium driven by the system's chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}). Selenium Manager is never asked to download anything: both paths are given.
 *
 * <p>When either is missing, the tests are skipped, or fail where {@link Prerequisites} says the
 * browser must be there, with the command that installs them.
 */
final class Chromium {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path BINARY =
      Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  static ChromeDriver start() {
    requireInstalled();
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,900");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    return new ChromeDriver(service, options);
  }

  private static void requireInstalled() {
    if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
      return;
    }
    String message =
        "The web page tests need Chromium at "
            + BINARY
            + " and chromedriver at "
            + DRIVER
            + ": apt-get install chromium chromium-driver";
    throw Prerequisites.missing(message);
  }

  /** Saves the browser console since the last look to {@code target/screenshots/<name>.log}. */
  static void saveConsole(ChromeDriver driver, String name) {
    StringBuilder console = new StringBuilder();
    driver
        .manage()
        .logs()
        .get(LogType.BROWSER)
        .forEach(entry -> console.append(entry).append('\n'));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.writeString(SCREENSHOTS.resolve(name + ".log"), console);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
