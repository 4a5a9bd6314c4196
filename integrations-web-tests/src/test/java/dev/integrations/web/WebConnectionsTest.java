package dev.integrations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Telegram through the modal, Test, Disconnect behind a confirmation, and the details view. */
class WebConnectionsTest extends WebTestBase {

  @Test
  void telegram_connects_through_the_modal_with_a_valid_token() {
    page.openAs(user);
    page.click("telegram", "connect");

    WebElement dialog = page.dialog("telegram-dialog");
    assertThat(dialog.getText()).contains("@BotFather").contains("/newbot");
    assertThat(page.active().getAttribute("id")).isEqualTo("bot-token");
    page.active().sendKeys(StandIns.BOT_TOKEN);
    screenshot("telegram-modal");
    page.active().sendKeys(Keys.ENTER);

    page.waitUntilClosed("telegram-dialog");
    page.waitForBadge("telegram", "Connected");
    page.toast("Telegram bot connected successfully");
    assertThat(page.button("telegram", "connect").isDisplayed()).isFalse();
    assertThat(page.button("telegram", "test").isDisplayed()).isTrue();
    assertThat(server.status(user, "telegram")).isEqualTo("connected");
    screenshot("telegram-connected");
  }

  @Test
  void telegram_shows_the_servers_reason_when_the_token_is_refused() {
    String badToken = "123456789:AAthisTokenWasRevokedLongAgo0000000";
    String reason =
        server
            .call(
                "POST",
                "/api/integrations/connect",
                "someone-else",
                "{\"integration_type\":\"telegram\",\"bot_token\":\"" + badToken + "\"}")
            .body()
            .path("detail")
            .asText();
    assertThat(reason).isNotBlank();

    page.openAs(user);
    page.click("telegram", "connect");
    page.dialog("telegram-dialog");
    page.active().sendKeys(badToken + "\n");

    WebElement error =
        page.wait.until(
            d -> {
              WebElement e = d.findElement(By.id("telegram-error"));
              return e.isDisplayed() ? e : null;
            });
    assertThat(error.getText()).isEqualTo(reason);
    assertThat(page.dialog("telegram-dialog").isDisplayed()).isTrue();
    assertThat(page.active().getAttribute("id")).isEqualTo("bot-token");
    screenshot("telegram-refused");

    page.active().sendKeys(Keys.ESCAPE);
    page.waitUntilClosed("telegram-dialog");
    assertThat(page.badge("telegram")).isEqualTo("Disconnected");
    assertThat(server.status(user, "telegram")).isEqualTo("disconnected");
  }

  @Test
  void the_telegram_modal_works_by_keyboard_alone() {
    page.openAs(user);
    WebElement connect = page.button("telegram", "connect");
    connect.sendKeys(Keys.ENTER);
    page.dialog("telegram-dialog");
    assertThat(page.active().getAttribute("id")).isEqualTo("bot-token");

    // Tab cycles inside the dialog: token field, Cancel, Connect, and back to the field.
    Actions keys = new Actions(driver);
    keys.sendKeys(Keys.TAB).perform();
    assertThat(page.active().getText()).isEqualTo("Cancel");
    keys.sendKeys(Keys.TAB).perform();
    assertThat(page.active().getText()).isEqualTo("Connect");
    keys.sendKeys(Keys.TAB).perform();
    assertThat(page.active().getAttribute("id")).isEqualTo("bot-token");
    keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertThat(page.active().getText()).isEqualTo("Connect");

    keys.sendKeys(Keys.ESCAPE).perform();
    page.waitUntilClosed("telegram-dialog");
    assertThat(page.active()).isEqualTo(connect);
  }

  @Test
  void test_shows_the_result_in_a_toast() {
    server.connectTelegram(user);
    page.openAs(user);
    page.waitForBadge("telegram", "Connected");

    page.click("telegram", "test");

    WebElement toast = page.toast("Telegram:");
    assertThat(toast.getAttribute("class")).contains("toast-success");
    screenshot("test-toast");
    page.wait.until(d -> !"true".equals(page.button("telegram", "test").getAttribute("aria-busy")));
    // Toasts go away by themselves.
    page.waiting("the toast to go away")
        .withTimeout(Duration.ofSeconds(20))
        .until(ExpectedConditions.stalenessOf(toast));
  }

  @Test
  void disconnect_asks_first_cancel_keeps_the_connection_and_confirm_disconnects() {
    server.connectTelegram(user);
    page.openAs(user);
    page.waitForBadge("telegram", "Connected");

    page.click("telegram", "disconnect");
    WebElement confirm = page.dialog("confirm-dialog");
    assertThat(confirm.getText()).contains("Disconnect Telegram?");
    screenshot("disconnect-confirm");
    driver.findElement(By.id("confirm-cancel")).click();
    page.waitUntilClosed("confirm-dialog");
    assertThat(page.badge("telegram")).isEqualTo("Connected");
    assertThat(server.status(user, "telegram")).isEqualTo("connected");

    page.click("telegram", "disconnect");
    page.dialog("confirm-dialog");
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    page.waitUntilClosed("confirm-dialog");
    assertThat(server.status(user, "telegram")).isEqualTo("connected");

    page.click("telegram", "disconnect");
    page.dialog("confirm-dialog");
    driver.findElement(By.id("confirm-ok")).click();

    page.waitForBadge("telegram", "Disconnected");
    page.toast("Telegram disconnected.");
    assertThat(server.status(user, "telegram")).isEqualTo("disconnected");
    assertThat(page.button("telegram", "connect").isDisplayed()).isTrue();
  }

  @Test
  void a_refused_bot_token_turns_the_card_to_error_and_details_offer_a_new_token() {
    server.connectTelegram(user);
    page.openAs(user);
    server.standIns.botTokenRevoked = true;
    try {
      page.click("telegram", "test");

      assertThat(page.toast("Telegram").getAttribute("class")).contains("toast-error");
      page.waitForBadge("telegram", "Error");
      assertThat(page.card("telegram").findElement(By.cssSelector(".card-problem")).isDisplayed())
          .isTrue();
      page.click("telegram", "details");
      page.dialog("details-dialog");
      assertThat(driver.findElement(By.id("details-error")).getText())
          .startsWith("credentials_rejected");
      screenshot("error-details");

      WebElement newToken = driver.findElement(By.id("details-reauthorize"));
      assertThat(newToken.isDisplayed()).isTrue();
      newToken.click();
    } finally {
      server.standIns.botTokenRevoked = false;
    }
    page.dialog("telegram-dialog");
    page.active().sendKeys(StandIns.BOT_TOKEN + "\n");
    page.waitForBadge("telegram", "Connected");
    assertThat(server.status(user, "telegram")).isEqualTo("connected");
  }

  @Test
  void details_show_permissions_and_when_it_was_connected() {
    server.connectTelegram(user);
    page.openAs(user);

    page.click("gmail", "details");
    WebElement details = page.dialog("details-dialog");
    assertThat(details.getText())
        .contains("Gmail")
        .contains("Disconnected")
        .contains("https://www.googleapis.com/auth/gmail");
    assertThat(driver.findElement(By.id("details-reauthorize")).isDisplayed()).isFalse();
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    page.waitUntilClosed("details-dialog");

    page.click("telegram", "details");
    details = page.dialog("details-dialog");
    assertThat(driver.findElement(By.id("details-status")).getText()).isEqualTo("Connected");
    assertThat(driver.findElement(By.id("details-connected")).getText()).isNotEqualTo("—");
    assertThat(driver.findElement(By.id("details-error")).getText()).isEqualTo("None");
    screenshot("details");
  }
}
