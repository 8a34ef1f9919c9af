package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWatch(t *testing.T) {
	content, out := withRoles(t), t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	type event struct {
		sum *Summary
		err error
		at  time.Time
	}
	events := make(chan event, 10)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		Watch(ctx, content, Selection{Layouts: []string{"a4"}, Langs: enFR}, out, BatchOptions{}, 20*time.Millisecond, nil, func(s *Summary, err error) {
			select {
			case events <- event{s, err, time.Now()}:
			default: // after the test's last look
			}
		})
	}()
	// Watch ends before the test and its folders do.
	defer func() { cancel(); <-stopped }()
	next := func() event {
		select {
		case e := <-events:
			return e
		case <-time.After(10 * time.Second):
			t.Fatal("no rebuild within 10 s")
		}
		return event{}
	}
	if e := next(); e.err != nil || e.sum.Count(Built) != 2 {
		t.Fatalf("first build: %+v", e)
	}

	// A change is rebuilt, quickly.
	saved := time.Now()
	time.Sleep(10 * time.Millisecond) // a distinct modification time
	edit(t, filepath.Join(content, "sre", "fr.toml"), "Rémunération", "Salaires")
	e := next()
	if e.err != nil || e.sum.Count(Built) != 1 { // the French edition
		t.Fatalf("after a change: %+v", e)
	}
	t.Logf("rebuilt %d brochures %v after saving", e.sum.Count(Built), e.at.Sub(saved).Round(time.Millisecond))

	// Broken content: the error is reported, the last good PDF stays.
	good, _ := os.ReadFile(filepath.Join(out, "sre-fr-a4.pdf"))
	edit(t, filepath.Join(content, "sre", "fr.toml"), "[cta]", "[cta")
	e = next()
	if e.sum == nil || e.sum.Count(Failed) != 2 {
		t.Fatalf("broken content: %+v", e)
	}
	if now, _ := os.ReadFile(filepath.Join(out, "sre-fr-a4.pdf")); string(now) != string(good) {
		t.Error("a broken build changed the last good PDF")
	}
}

// TestWatchPhoto rebuilds a personal edition when the salesperson's
// photo changes, though no other file does.
func TestWatchPhoto(t *testing.T) {
	p := projectWithPhoto(t)
	photo := filepath.Join(filepath.Dir(p.Dir), "jdoe.jpg")
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	sums := make(chan *Summary, 10)
	sel := Selection{Roles: []string{"sre"}, Layouts: []string{"a4"}, Langs: []string{"fr"}, Fields: Fields{Client: "Acme", By: "jdoe"}}
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		Watch(ctx, p.Dir, sel, out, BatchOptions{}, 20*time.Millisecond, nil, func(s *Summary, err error) {
			if err != nil {
				t.Error(err)
			}
			select {
			case sums <- s:
			default: // after the test's last look
			}
		})
	}()
	// Watch ends before the test and its folders do.
	defer func() { cancel(); <-stopped }()
	next := func() *Summary {
		select {
		case s := <-sums:
			return s
		case <-time.After(10 * time.Second):
			t.Fatal("no rebuild within 10 s")
		}
		return nil
	}
	if s := next(); s == nil || s.Count(Built) != 1 {
		t.Fatalf("first build: %+v", s)
	}
	data, err := os.ReadFile(photo)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond) // a distinct modification time
	// Another photo: the same JPEG, its comment changed (the bytes after
	// the start-of-image marker).
	edited := append([]byte{0xff, 0xd8, 0xff, 0xfe, 0x00, 0x06, 'n', 'e', 'w', 0}, data[2:]...)
	if err := os.WriteFile(photo, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if s := next(); s == nil || s.Count(Built) != 1 {
		t.Fatalf("after the photo changed: %+v", s)
	}
}
