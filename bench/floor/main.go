// Command floor does nothing: built like brochure (static), it shows what
// starting any Go program costs on this machine, the floor under
// brochure's own start (make bench times it beside /bin/true).
package main

func main() {}
