package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium) against the
 * assembled distribution ({@code bin/karaf server}): log in, add a customer by hand with an invalid e-mail first,
 * upload a CSV (preview, dry run, import, report with the rejected row), watch the HubSpot importer vanish when
 * its feature is uninstalled and come back, save the strategy, and take a screenshot of every page
 * ({@code target/screenshots}, copied to {@code docs/screenshots} for the README). Skipped, with a message, where
 * {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing; {@code .ci/run} installs both.
 */
public class WebConsoleIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static KarafServer karaf;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String slug;

    @BeforeClass
    public static void start() throws Exception {
        Assume.assumeTrue("Chromium or ChromeDriver missing (apt-get install chromium chromium-driver): web console "
                + "test skipped", Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER));
        karaf = new KarafServer("console-test");
        karaf.start();
        slug = KarafServer.json(karaf.admin("POST", "projects", "{\"name\":\"Café Konsole\"}", 201)).get("slug")
                .asText();
        Path profile = Files.createTempDirectory("bb-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    private static WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void open(String page) {
        browser.get(karaf.base() + "/bewertungsbox/#/" + page);
    }

    @Test
    public void anAdministratorWorksThroughEveryPage() throws Exception {
        browser.get(karaf.base() + "/bewertungsbox/");
        // German from the start (a language picked later redraws the page while the test may be using it).
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.setItem('bb.lang', 'de')");
        browser.navigate().refresh();
        find("#login-password").sendKeys(KarafServer.PASSWORD);
        find("#login-submit").click();
        find("#customers");
        assertEquals("de", new Select(find("#lang")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("Kunden", browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText());

        // By hand: an invalid e-mail is reported at its field, then the corrected entry is stored.
        find("#import-open").click();
        find("#c-first_name").sendKeys("Erika");
        find("#c-last_name").sendKeys("Mustermann");
        find("#c-email").sendKeys("erika-at-example");
        find("#manual-save").click();
        wait.until(d -> !d.findElement(By.id("c-email-error")).getText().isEmpty());
        assertEquals("true", browser.findElement(By.id("c-email")).getAttribute("aria-invalid"));
        screenshot("customers-manual-entry");
        WebElement email = browser.findElement(By.id("c-email"));
        email.clear();
        email.sendKeys("erika@example.com");
        find("#manual-save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customers"), "erika@example.com"));

        // CSV: preview, dry run, import, report with the rejected row.
        find("#tab-csv").click();
        Path csv = Files.createTempFile("kunden", ".csv");
        Files.writeString(csv, "Vorname;Nachname;E-Mail;Lieblingsfarbe\nJonas;Weber;jonas@example.com;blau\n"
                + "Lea;Wolf;lea@example.com;grün\nOhne;Kontakt;;rot\n", StandardCharsets.UTF_8);
        find("#csv-file").sendKeys(csv.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("csv-preview"), "jonas@example.com"));
        find("#csv-check").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-counts"), "2 neu"));
        assertTrue(find("#import-report").getText().contains("Probelauf"));
        find("#csv-run").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-report"), "Abgelehnte Zeilen"));
        String report = find("#import-report").getText();
        assertTrue(report, report.contains("2 neu") && report.contains("1 abgelehnt")
                && report.contains("Lieblingsfarbe") && !report.contains("Probelauf"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customers"), "lea@example.com"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                find("#csv-preview"));
        screenshot("customers-csv-report");

        // A customer's page: eligibility and requests.
        browser.findElement(By.xpath("//table[@id='customers']//td[text()='lea@example.com']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Wird der Kunde gefragt?"));
        screenshot("customer-detail");

        // Importers come and go with their features.
        open("importers");
        find("#importers tr[data-importer=hubspot]");
        screenshot("importers");
        karaf.shell("feature:uninstall bewertungsbox-importer-hubspot");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#importers tr[data-importer=hubspot]")));
        assertTrue(browser.findElements(By.cssSelector("#importers tr[data-importer=stripe]")).size() == 1);
        karaf.shell("feature:install bewertungsbox-importer-hubspot");
        find("#importers tr[data-importer=hubspot]");

        // The strategy form saves through PUT /strategy; its preview is beside it.
        open("strategy");
        find("#s-enabled").click();
        find("#strategy-save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Strategie gespeichert"));
        assertTrue(KarafServer.json(karaf.admin("GET", "strategy?project=" + slug, null, 200)).get("enabled")
                .asBoolean());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("strategy");
        WebElement zone = find("#s-zone");
        find("#s-any").click();
        zone.clear();
        zone.sendKeys("Mars/Olympus");
        find("#strategy-save").click();
        wait.until(d -> !d.findElement(By.id("s-zone-error")).getText().isEmpty());

        open("requests");
        find("#request-status");
        screenshot("requests");
        open("settings");
        assertTrue(find("#bcc-address").getText().endsWith("@bcc.bewertungsbox.local"));
        find("#bcc-copy");
        screenshot("settings");

        new Select(find("#lang")).selectByValue("en");
        open("customers");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("nav"), "Customers"));
        // The list loads after the page is drawn: wait for its rows.
        List<WebElement> rows = wait.until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("#customers tbody tr"));
            return r.size() == 3 ? r : null;
        });
        assertTrue(rows.get(0).getText(), rows.stream().anyMatch(r -> r.getText().contains("erika@example.com")));
    }
}
