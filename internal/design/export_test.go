package design

// Forget drops the compiled layout called name, so that a test can load
// another file under the same name without the Loader growing.
func (l *Loader) Forget(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.compile, name)
}
