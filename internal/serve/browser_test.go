package serve

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// inCI reports whether the tests run under continuous integration, where
// a missing browser fails the test instead of skipping it.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// chromium starts Debian's Chromium, headless, with a fresh profile, and
// returns a browser context that ends with the test.
func chromium(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if inCI() {
			t.Fatal("needs chromium (Debian's package); CI is set, so a missing browser is a failure")
		}
		t.Skip("needs chromium")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
	}
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(alloc)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// downloads makes the browser save downloads into a new folder, and
// returns it.
func downloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// steps runs browser steps, failing the test on the first that fails.
func steps(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// waitFor waits until a JavaScript expression is true.
func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// waitFile waits for a file to appear, whole, in dir.
func waitFile(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if data, err := os.ReadFile(path); err == nil && strings.HasSuffix(strings.TrimSpace(string(data)), "%%EOF") {
			return path
		}
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no %s downloaded (the folder holds %v)", name, entries)
	return ""
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		if _, lerr := exec.LookPath("pdftotext"); lerr != nil && !inCI() {
			t.Skip("needs pdftotext")
		}
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestBrowserEdition uses the page as a salesperson would: French A4, a
// client's name typed, the preview follows, the PDF downloads with the
// client in it.
func TestBrowserEdition(t *testing.T) {
	ctx := chromium(t)
	_, ts := server(t, Options{})
	dir := downloads(t, ctx)
	steps(t, ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#pages img")),
		chromedp.SetValue(chromedp.CSS("#layout"), "a4"), chromedp.SetValue(chromedp.CSS("#lang"), "fr"))
	before := eval[string](t, ctx, `document.querySelector("#pages img").src`)
	steps(t, ctx, chromedp.Focus(chromedp.CSS("#client")), chromedp.SendKeys(chromedp.CSS("#client"), "Acme Corp"))
	waitFor(t, ctx, `document.getElementById("file").textContent === "sre-fr-a4-acme-corp.pdf" && !document.getElementById("pages").classList.contains("stale")`)
	// The page marks each keystroke and each preview shown.
	ms := eval[float64](t, ctx, `(() => { const m = (n) => performance.getEntriesByName(n).at(-1).startTime; return m("brochure:preview") - m("brochure:input") })()`)
	fetchMS := eval[float64](t, ctx, `(() => { const e = performance.getEntriesByType("resource").filter((r) => r.name.includes("/api/preview")); return e.length ? e[e.length-1].duration : -1 })()`)
	t.Logf("preview shown %.0f ms after the last keystroke (its request: %.0f ms)", ms, fetchMS)
	if ms > 1000 {
		t.Errorf("the preview took %.0f ms to follow typing", ms)
	}
	if after := eval[string](t, ctx, `document.querySelector("#pages img").src`); after == before {
		t.Error("the preview did not change")
	}
	if loc := eval[string](t, ctx, `location.search`); !strings.Contains(loc, "client=Acme+Corp") || !strings.Contains(loc, "lang=fr") {
		t.Errorf("the address does not hold the choices: %s", loc)
	}
	if inView := eval[bool](t, ctx, `document.getElementById("download").getBoundingClientRect().bottom <= innerHeight`); !inView {
		t.Error("the download button is below the fold of a laptop's screen")
	}
	steps(t, ctx, chromedp.Click(chromedp.CSS("#download")))
	text := pdfText(t, waitFile(t, dir, "sre-fr-a4-acme-corp.pdf"))
	if !strings.Contains(text, "Préparé pour Acme Corp") {
		t.Errorf("the downloaded PDF lacks the client:\n%s", text)
	}
}

// TestBrowserKeyboard makes an edition with the keyboard only: Tab from
// field to field, type, and Enter on the download link.
func TestBrowserKeyboard(t *testing.T) {
	ctx := chromium(t)
	_, ts := server(t, Options{})
	dir := downloads(t, ctx)
	tabTo := func(id string) {
		t.Helper()
		for i := 0; i < 25 && eval[string](t, ctx, `document.activeElement.id`) != id; i++ {
			steps(t, ctx, chromedp.KeyEvent("\t"))
		}
		if got := eval[string](t, ctx, `document.activeElement.id`); got != id {
			t.Fatalf("Tab never reaches #%s (stopped on #%s)", id, got)
		}
	}
	steps(t, ctx, chromedp.Navigate(ts.URL+"/?lang=en&layout=a4"), chromedp.WaitVisible(chromedp.CSS("#pages img")))
	tabTo("client")
	steps(t, ctx, chromedp.KeyEvent("Beta Labs"))
	tabTo("download")
	waitFor(t, ctx, `document.getElementById("download").getAttribute("download") === "sre-en-a4-beta-labs.pdf"`)
	steps(t, ctx, chromedp.KeyEvent("\r"))
	if text := pdfText(t, waitFile(t, dir, "sre-en-a4-beta-labs.pdf")); !strings.Contains(text, "Prepared for Beta Labs") {
		t.Errorf("the PDF lacks the client:\n%s", text)
	}
}

// TestBrowserBrokenContent breaks a content file under the running
// server: the page shows the located error, and still previews the last
// good content.
func TestBrowserBrokenContent(t *testing.T) {
	ctx := chromium(t)
	content := project(t)
	s, ts := serverFor(t, content, Options{})
	breakContent(t, content)
	s.Reload()
	steps(t, ctx, chromedp.Navigate(ts.URL+"/?lang=fr"), chromedp.WaitVisible(chromedp.CSS("#content-errors")), chromedp.WaitVisible(chromedp.CSS("#pages img")))
	if alert := eval[string](t, ctx, `document.getElementById("content-errors").textContent`); !strings.Contains(alert, "fr.toml:") || !strings.Contains(alert, "last good version") {
		t.Errorf("the page says %q", alert)
	}
}

// TestBrowserViewports opens the page on a laptop's and a phone's screen:
// nothing scrolls sideways, every field is as wide as it can be read, and
// the download button is reachable. With BROCHURE_SCREENSHOTS set to a
// folder, it saves a screenshot of each there (the README's picture).
func TestBrowserViewports(t *testing.T) {
	ctx := chromium(t)
	_, ts := server(t, Options{})
	for _, vp := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"laptop", 1366, 768, false}, {"phone", 390, 844, true}} {
		t.Run(vp.name, func(t *testing.T) {
			var opts []chromedp.EmulateViewportOption
			if vp.mobile {
				opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile)
			}
			steps(t, ctx, chromedp.EmulateViewport(vp.width, vp.height, opts...),
				chromedp.Navigate(ts.URL+"/?lang=fr&layout=a4&client=Acme+Corp&contact=Marie+Dupont&by=jdoe"),
				chromedp.WaitVisible(chromedp.CSS("#pages img")))
			if w := eval[float64](t, ctx, `document.documentElement.scrollWidth - innerWidth`); w > 0 {
				t.Errorf("the page scrolls sideways by %.0f px", w)
			}
			if w := eval[float64](t, ctx, `document.getElementById("client").getBoundingClientRect().width`); w < 200 {
				t.Errorf("the client field is %.0f px wide", w)
			}
			if w := eval[float64](t, ctx, `document.querySelector("#pages img").getBoundingClientRect().width`); w < float64(vp.width)/3 && w < 300 {
				t.Errorf("the preview is %.0f px wide", w)
			}
			if dir := os.Getenv("BROCHURE_SCREENSHOTS"); dir != "" {
				png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "serve-"+vp.name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
