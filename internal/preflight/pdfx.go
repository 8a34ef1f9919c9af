package preflight

// checkX4 checks the requirements of PDF/X-4 a program can decide.
func checkX4(doc *document, pages []*page, scans []*pageScan) []Result {
	return []Result{{Name: "PDF/X-4", Detail: "not checked yet"}}
}
