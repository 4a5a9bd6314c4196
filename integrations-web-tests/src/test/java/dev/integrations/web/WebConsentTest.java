package dev.integrations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page is clear about whose connections it acts on: it shows the signed-in user, asks before a
 * link replaces its token with another user's, and finishes a parked consent only as the signed-in
 * user.
 */
class WebConsentTest extends WebTestBase {

  @Test
  void shows_which_user_it_is_signed_in_as() {
    page.openAs(user);

    assertThat(page.signedInAs()).isEqualTo(user);
    screenshot("signed-in-as");

    driver.findElement(By.id("forget-token")).click();
    page.wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
    assertThat(page.signedInAs()).isNull();
  }

  @Test
  void asks_before_a_link_replaces_its_token_with_another_users_and_keeps_it_when_told_to() {
    String other = "other-" + UUID.randomUUID();
    page.openAs(user);
    String mine = token();

    driver.get(server.base + "/#token=" + server.token(other)); // an open page handed another token

    WebElement dialog = page.dialog("confirm-dialog");
    assertThat(dialog.getText())
        .contains("signed in as “" + user + "”")
        .contains("“" + other + "”");
    screenshot("asks-before-switching-user");
    driver.findElement(By.id("confirm-cancel")).click();
    page.waitUntilClosed("confirm-dialog");

    page.toast("Still signed in as “" + user + "”");
    assertThat(token()).isEqualTo(mine);
    assertThat(page.signedInAs()).isEqualTo(user);
    assertThat(driver.getCurrentUrl()).doesNotContain("token=");
  }

  @Test
  void switches_to_the_other_user_when_confirmed_even_on_a_fresh_load() {
    String other = "other-" + UUID.randomUUID();
    server.connectTelegram(other);
    page.openAs(user);
    assertThat(page.badge("telegram")).isEqualTo("Disconnected");

    String offered = server.anotherToken(other);
    driver.get("about:blank");
    driver.get(server.base + "/#token=" + offered); // a new load of the page, same tab

    page.dialog("confirm-dialog");
    assertThat(driver.findElement(By.id("confirm-ok")).getText())
        .isEqualTo("Switch to “" + other + "”");
    driver.findElement(By.id("confirm-ok")).click();

    page.waiting("the page signed in as the other user")
        .until(d -> other.equals(page.signedInAs()));
    page.waitForBadge("telegram", "Connected");
    assertThat(token()).isEqualTo(offered);
  }

  @Test
  void a_new_token_of_the_same_user_replaces_the_old_one_without_asking() {
    page.openAs(user);

    String renewed = server.anotherToken(user);

    driver.get(server.base + "/#token=" + renewed); // the host app renewed the user's token

    page.waiting("the renewed token taken").until(d -> renewed.equals(token()));
    assertThat(driver.findElement(By.id("confirm-dialog")).isDisplayed()).isFalse();
    assertThat(page.signedInAs()).isEqualTo(user);
  }

  @Test
  void a_consent_finished_in_the_wrong_browser_is_reported_with_its_reason() {
    page.openAs(user);

    driver.get(server.base + "/?integration=gmail&status=error&error=consent_mismatch");

    page.toast("different browser or user than the one that started it");
    assertThat(page.badge("gmail")).isEqualTo("Disconnected");
  }

  @Test
  void a_parked_consent_is_finished_as_the_signed_in_user_after_asking() {
    page.openAs(user);
    URI consentUrl = apiConsent(user);

    driver.get(consentUrl.toString());
    signInAtGoogle();

    WebElement dialog = page.dialog("confirm-dialog");
    assertThat(dialog.getText()).contains("Connect Gmail for “" + user + "”?");
    driver.findElement(By.id("confirm-ok")).click();

    page.toast("Gmail connected.");
    page.waitForBadge("gmail", "Connected");
    assertThat(driver.getCurrentUrl()).isEqualTo(server.base + "/");
    assertThat(server.status(user, "gmail")).isEqualTo("connected");
  }

  @Test
  void a_parked_consent_started_by_someone_else_connects_nothing_and_says_why() {
    String mallory = "mallory-" + UUID.randomUUID();
    page.openAs(user);
    URI consentUrl = apiConsent(mallory); // Mallory's link, opened by this page's user

    driver.get(consentUrl.toString());
    signInAtGoogle();
    page.dialog("confirm-dialog");
    driver.findElement(By.id("confirm-ok")).click();

    page.toast("Gmail was not connected");
    assertThat(server.status(mallory, "gmail")).isEqualTo("disconnected");
    assertThat(server.status(user, "gmail")).isEqualTo("disconnected");
  }

  /** A consent URL for {@code owner}, started the way an API client's backend does. */
  private URI apiConsent(String owner) {
    LiveServer.Reply reply =
        server.call(
            "POST",
            "/api/integrations/connect",
            owner,
            "{\"integration_type\":\"gmail\",\"completion\":\"api\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return URI.create(reply.body().path("oauth_url").asText());
  }

  private void signInAtGoogle() {
    WebElement name =
        page.waiting("the provider's sign-in form").until(d -> d.findElement(By.name("username")));
    name.sendKeys("ann");
    driver.findElement(By.cssSelector("input[type=submit]")).click();
  }

  private String token() {
    return (String) driver.executeScript("return sessionStorage.getItem('integrations.token')");
  }
}
