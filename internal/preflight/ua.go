package preflight

// checkUA1 checks the requirements of PDF/UA-1 a program can decide.
func checkUA1(doc *document, pages []*page, scans []*pageScan) []Result {
	return []Result{{Name: "PDF/UA-1", Detail: "not checked yet"}}
}
