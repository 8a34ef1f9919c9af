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
	defer cancel()
	type event struct {
		sum *Summary
		err error
		at  time.Time
	}
	events := make(chan event, 10)
	go Watch(ctx, content, Selection{Layouts: []string{"a4"}, Langs: enFR}, out, BatchOptions{}, 20*time.Millisecond, nil, func(s *Summary, err error) {
		events <- event{s, err, time.Now()}
	})
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
	if e.err != nil || e.sum.Count(Built) != 2 {
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
