package dev.integrations.web;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One real server and one headless Chromium per test class; every test acts as a new user, so tests
 * do not see each other's connections. A failing test leaves a screenshot in {@code
 * target/screenshots}.
 */
abstract class WebTestBase {
  static LiveServer server;
  static ChromeDriver driver;

  String user;
  WebPage page;

  @RegisterExtension
  final TestWatcher screenshotOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (driver != null) {
            String name =
                "FAILED-"
                    + context.getRequiredTestClass().getSimpleName()
                    + "-"
                    + context.getRequiredTestMethod().getName();
            Chromium.screenshot(driver, name);
            Chromium.saveConsole(driver, name);
          }
        }
      };

  @BeforeAll
  static void startServerAndBrowser() {
    driver = Chromium.start();
    server = new LiveServer();
  }

  @AfterAll
  static void stopServerAndBrowser() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @BeforeEach
  void newUser(TestInfo test) {
    user = test.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID();
    page = new WebPage(driver, server);
  }

  @AfterEach
  void leaveOneWindow() {
    String main = driver.getWindowHandle();
    for (String handle : driver.getWindowHandles()) {
      if (!handle.equals(main)) {
        driver.switchTo().window(handle).close();
      }
    }
    driver.switchTo().window(main);
  }

  void screenshot(String name) {
    Chromium.screenshot(driver, getClass().getSimpleName() + "-" + name);
  }
}
