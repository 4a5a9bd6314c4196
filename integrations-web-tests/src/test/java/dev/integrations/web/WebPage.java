package dev.integrations.web;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The integrations web page as a user sees it: cards, badges, buttons, dialogs and toasts. */
final class WebPage {
  final ChromeDriver driver;
  final WebDriverWait wait;
  private final LiveServer server;

  WebPage(ChromeDriver driver, LiveServer server) {
    this.driver = driver;
    this.server = server;
    this.wait = waiting("the page");
  }

  /** A new wait of up to 15 s that names what it waited for when it times out. */
  WebDriverWait waiting(String what) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.withMessage(what)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class);
    return wait;
  }

  /**
   * Opens the page the way a host app hands it over: with the user's token in the fragment, in a
   * tab that holds no other user's token (the page would ask before replacing it).
   */
  WebPage openAs(String user) {
    forgetToken();
    driver.get(
        "about:blank"); // a fresh document: only the fragment changing would not reload the page
    driver.get(server.base + "/#token=" + server.token(user));
    wait.until(d -> showsEveryCard());
    return this;
  }

  /** The bundled catalog's providers, in order: one card each. */
  static final List<String> CATALOG =
      List.of(
          "gmail",
          "google_drive",
          "telegram",
          "slack",
          "github",
          "outlook",
          "onedrive",
          "microsoft_teams",
          "notion",
          "discord",
          "dropbox",
          "whatsapp");

  /** Whether the page shows a card for every provider of the catalog. */
  boolean showsEveryCard() {
    return cards().size() == CATALOG.size();
  }

  /** Empties this tab's session storage for the server's origin, as a new tab would start. */
  void forgetToken() {
    driver.get(server.base + "/health"); // same origin, no page script
    driver.executeScript("sessionStorage.clear()");
  }

  /** The user the page says it is signed in as, or null when it shows none. */
  String signedInAs() {
    WebElement shown = driver.findElement(By.id("signed-in-as"));
    return shown.isDisplayed() ? driver.findElement(By.id("signed-in-user")).getText() : null;
  }

  List<WebElement> cards() {
    return driver.findElements(By.cssSelector("#grid .card"));
  }

  WebElement card(String type) {
    return wait.until(d -> d.findElement(By.cssSelector("#grid .card[data-type='" + type + "']")));
  }

  String badge(String type) {
    return card(type).findElement(By.cssSelector(".badge")).getText();
  }

  void waitForBadge(String type, String text) {
    waiting(type + " showing " + text).until(d -> badge(type).equals(text));
  }

  WebElement button(String type, String action) {
    return card(type).findElement(By.cssSelector("button[data-action='" + action + "']"));
  }

  void click(String type, String action) {
    WebElement button = button(type, action);
    wait.until(d -> button.isDisplayed() && !"true".equals(button.getAttribute("aria-busy")));
    button.click();
  }

  /** The dialog with this id once it is open and visible. */
  WebElement dialog(String id) {
    return wait.until(
        d -> {
          WebElement dialog = d.findElement(By.id(id));
          return dialog.isDisplayed() ? dialog : null;
        });
  }

  void waitUntilClosed(String id) {
    wait.until(d -> !d.findElement(By.id(id)).isDisplayed());
  }

  /** A toast that says {@code text}, once it shows. */
  WebElement toast(String text) {
    return waiting("a toast saying \"" + text + "\"")
        .withMessage(() -> "a toast saying \"" + text + "\"; toasts: " + toastTexts())
        .until(
            d ->
                d.findElements(By.cssSelector("#toasts .toast")).stream()
                    .filter(t -> t.getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }

  private List<String> toastTexts() {
    return driver.findElements(By.cssSelector("#toasts .toast")).stream()
        .map(WebElement::getText)
        .toList();
  }

  WebElement active() {
    return driver.switchTo().activeElement();
  }
}
