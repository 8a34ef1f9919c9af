// Command wall times whole commands: it runs each command of a list in
// turn, round after round (so that a busy spell of the machine falls on
// every command alike), and prints for each the median, lowest and
// highest wall time, the median CPU time (user + system) and the highest
// peak resident memory. The first command is usually /bin/true: the
// floor of starting any process here.
//
//	go run ./bench/wall -n 21 /bin/true 'bin/brochure --help'
//
// Each argument is one command, split at spaces; its output is thrown
// away, and a failing command stops the whole run.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 21, "rounds")
	flag.Parse()
	cmds := flag.Args()
	wall := make([][]time.Duration, len(cmds))
	cpu := make([][]time.Duration, len(cmds))
	rss := make([]int64, len(cmds))
	for range *n {
		for i, c := range cmds {
			args := strings.Fields(c)
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Env = append(os.Environ(), "CI=true")
			start := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				fmt.Fprintf(os.Stderr, "wall: %s: %v\n%s", c, err, out)
				os.Exit(1)
			}
			wall[i] = append(wall[i], time.Since(start))
			u := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			cpu[i] = append(cpu[i], cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
			rss[i] = max(rss[i], u.Maxrss)
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for i, c := range cmds {
		slices.Sort(wall[i])
		slices.Sort(cpu[i])
		w := wall[i]
		fmt.Printf("median %6.1f ms  min %6.1f  max %6.1f  cpu %6.1f ms  peak RSS %5.1f MiB  %s\n",
			ms(w[len(w)/2]), ms(w[0]), ms(w[len(w)-1]), ms(cpu[i][len(w)/2]), float64(rss[i])/1024, c)
	}
}
