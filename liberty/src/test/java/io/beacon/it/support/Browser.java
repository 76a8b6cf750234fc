package io.beacon.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromedriver) driven by Selenium, shared by the
 * console tests. Selenium Manager never runs: the driver and the browser are given by path, so
 * nothing is downloaded. Every test can read what the page wrote to the browser console.
 */
public final class Browser implements AutoCloseable {
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension NARROW_LAPTOP = new Dimension(1024, 700);

    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        String chromium = System.getProperty("beacon.it.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("beacon.it.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("The console tests need Debian's chromium and chromium-driver ("
                    + chromium + ", " + chromedriver + "); .ci/run installs them: apt-get install chromium chromium-driver");
        }
        profile = Files.createTempDirectory("beacon-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // As root on a machine without outside network: no sandbox, and no background calls home.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=ko-KR", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
    }

    /** A second browser of its own (its own profile and session), for journeys between two people; the caller closes it. */
    public static Browser another(BeaconServer server) throws IOException {
        return new Browser(server.baseUrl());
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String hashPath) {
        driver.get(baseUrl + "/" + hashPath);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitUntil(Predicate<WebDriver> condition, String what) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(condition::test);
    }

    /**
     * Clicks like a user: the element scrolled to the middle of the screen first, and when a live
     * toast (a new alarm, a new incident) lies over it for a moment, clicked again once it has gone.
     */
    public void click(By by) {
        WebElement element = waitFor(by);
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        long since = System.nanoTime();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(d -> {
                    WebElement clickable = ExpectedConditions.elementToBeClickable(by).apply(d);
                    if (clickable == null) {
                        return false;
                    }
                    // Again at each try: a live re-render may have moved it under a fixed bar since.
                    script("arguments[0].scrollIntoView({block: 'center'});", clickable);
                    try {
                        clickable.click();
                    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                        if (System.nanoTime() - since < Duration.ofSeconds(10).toNanos()) {
                            throw covered;
                        }
                        // Covered for 10 s: say by what (for whoever reads the log), then click it as a script would.
                        System.err.println("Browser.click: " + by + " stays covered by " + script(
                                "const r = arguments[0].getBoundingClientRect();"
                                        + " const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
                                        + " return e ? e.outerHTML.substring(0, 300) : 'nothing';", clickable));
                        script("arguments[0].click();", clickable);
                    }
                    return true;
                });
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Who the browser's session cookie signs in, asked from inside the page (null: nobody). */
    public String sessionUser() {
        Object user = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "fetch('/api/session').then(r => r.json()).then(s => done(s.signedIn ? s.username : null), () => done(null));");
        return (String) user;
    }

    /** What the page wrote to the console (and the requests it saw fail) since the last call. */
    public List<LogEntry> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    public List<String> consoleErrors() {
        return consoleEntries().stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** A first visit: no session cookie, nothing remembered by an earlier visitor of this browser. */
    public void freshVisit() {
        driver.manage().deleteAllCookies();
        open("");
        script("window.localStorage.clear();");
        driver.navigate().refresh();
    }

    /** Signs in through the sign-in page, starting from a fresh visit (any old session is dropped). */
    public void signIn(String username, String password) {
        freshVisit();
        waitFor(By.id("username")).clear();
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.id("signin-submit")).click();
        waitFor(By.id("signout"));
    }

    public void signInDemo(String username) {
        signIn(username, username + "-demo-pass");
    }

    /** Keeps a picture of the screen under docs/ when the build asks for them (beacon.it.screenshots). */
    public void screenshot(String name) throws IOException {
        String dir = System.getProperty("beacon.it.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        // The picture shows the page, not the notices of the test's own steps.
        script("var t = document.getElementById('toasts'); if (t) t.replaceChildren(); window.scrollTo(0, 0);");
        Path target = Path.of(dir).resolve(name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Like {@link #screenshot(String)}, but a picture of one element of the page (scrolled into view). */
    public void screenshot(String name, By element) throws IOException {
        String dir = System.getProperty("beacon.it.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WebElement target = find(element);
        script("var t = document.getElementById('toasts'); if (t) t.replaceChildren();");
        // Chromium clips an element's picture to the window: make the window as tall as the page meanwhile.
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(before.width, (int) Math.min(3000, Math.max(before.height, height + 200))));
        try {
            script("arguments[0].scrollIntoView({block: 'start'});", target);
            Path file = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, target.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile; the OS cleans up what is left
            }
        }
    }
}
