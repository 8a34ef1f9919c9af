package preflight

// checkA2 checks the requirements of PDF/A-2 a program can decide.
func checkA2(doc *document, pages []*page, scans []*pageScan) []Result {
	return []Result{{Name: "PDF/A-2", Detail: "not checked yet"}}
}
