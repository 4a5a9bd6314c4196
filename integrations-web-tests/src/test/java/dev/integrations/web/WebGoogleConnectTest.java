package dev.integrations.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Google connects through the OAuth popup against the local stand-ins (mock-oauth2-server shows its
 * sign-in form, as Google shows its consent screen, then redirects to the callback), or in the same
 * window when popups are blocked.
 */
class WebGoogleConnectTest extends WebTestBase {

  @Test
  void gmail_connects_through_the_popup() {
    page.openAs(user);
    String main = driver.getWindowHandle();

    page.click("gmail", "connect");

    // The popup opens on the provider's sign-in page; after it, the callback brings the popup back
    // to
    // this page, which reports to its opener and closes itself.
    page.waiting("the OAuth popup opens").until(d -> d.getWindowHandles().size() == 2);
    String popup =
        driver.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst().orElseThrow();
    driver.switchTo().window(popup);
    signInAtGoogle();
    page.waiting("the OAuth popup closes itself").until(d -> d.getWindowHandles().size() == 1);
    driver.switchTo().window(main);

    page.waitForBadge("gmail", "Connected");
    page.toast("Gmail connected.");
    assertThat(driver.getCurrentUrl()).isEqualTo(server.base + "/");
    assertThat(server.status(user, "gmail")).isEqualTo("connected");

    // The stored credentials work: Test reaches the Gmail stand-in with the token the OAuth server
    // issued.
    page.click("gmail", "test");
    page.toast("Connected to Gmail as " + StandIns.ACCOUNT);
    page.waiting("the account on the card")
        .until(d -> page.card("gmail").getText().contains(StandIns.ACCOUNT));
    screenshot("gmail-connected");
  }

  @Test
  void drive_connects_in_the_same_window_when_the_popup_is_blocked() {
    page.openAs(user);
    driver.executeScript("window.open = () => null;"); // what a popup blocker does

    page.click("google_drive", "connect");
    signInAtGoogle();

    page.waiting("back on the page after the provider")
        .until(
            d ->
                d.getCurrentUrl().startsWith(server.base)
                    && !d.getCurrentUrl().contains("status=")
                    && page.showsEveryCard());
    page.toast("Google Drive connected.");
    page.waitForBadge("google_drive", "Connected");
    assertThat(driver.getCurrentUrl()).isEqualTo(server.base + "/");
    assertThat(driver.getWindowHandles()).hasSize(1);
    assertThat(server.status(user, "google_drive")).isEqualTo("connected");
  }

  private void signInAtGoogle() {
    WebElement user =
        page.waiting("the provider's sign-in form").until(d -> d.findElement(By.name("username")));
    screenshot("google-sign-in");
    user.sendKeys("ann");
    driver.findElement(By.cssSelector("input[type=submit]")).click();
  }

  @AfterEach
  void googleConsentsAgain() {
    server.standIns.accounts.consentRefused =
        false; // the stand-ins are shared by the class's tests
  }

  @Test
  void a_refused_consent_is_reported_and_nothing_is_connected() {
    page.openAs(user);
    driver.executeScript("window.open = () => null;"); // the same window goes to the consent screen
    // The person clicks "Cancel" on Google's consent screen: Google sends the browser back with
    // error=access_denied and the state of this very authorization.
    server.standIns.accounts.consentRefused = true;

    page.click("gmail", "connect");

    WebElement toast = page.toast("Gmail was not connected");
    assertThat(toast.getText())
        .contains("Gmail was not connected: access was denied on the consent screen.");
    assertThat(driver.getCurrentUrl()).isEqualTo(server.base + "/");
    assertThat(page.badge("gmail")).isEqualTo("Disconnected");
    assertThat(server.status(user, "gmail")).isEqualTo("disconnected");
  }
}
