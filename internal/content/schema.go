// Package content loads a role's content: the language-independent facts
// (role.toml) and one text file per language (en.toml, fr.toml, ...), and
// checks them, listing every problem with its file, line and column.
//
// The pipeline: content (this package) → document (the model of one
// brochure in one language) → typeset (lines) → layout (pages of
// positioned boxes, package frame) → pdf (the file).
package content

import "time"

// Facts is role.toml: what is true of the role in every language.
type Facts struct {
	// ID is the role's identifier; it must equal the folder's name.
	ID string `toml:"id"`
	// Languages lists the language files, first the reference language
	// against which the others are checked.
	Languages []string `toml:"languages"`
	// Updated is the date the content was last revised; it dates the PDF.
	Updated time.Time `toml:"updated"`
	// Contact is where candidates' clients get in touch.
	Contact Contact `toml:"contact"`
	// KeyTools are the tools named in the at-a-glance panel.
	KeyTools []string `toml:"key_tools"`
	// Tools lists tool or certificate names by group id; a section's group
	// with that id shows them.
	Tools map[string][]string `toml:"tools"`
	// Salary holds the pay levels as numbers.
	Salary Salary `toml:"salary"`
	// NeverHyphenate lists words never to hyphenate in this role.
	NeverHyphenate []string `toml:"never_hyphenate"`
}

// Contact holds the links of the call to action.
type Contact struct {
	Email string `toml:"email"` // an e-mail address, without "mailto:"
	Web   string `toml:"web"`   // an https:// address
}

// Salary holds pay levels, formatted per language when rendered.
type Salary struct {
	Currency string  `toml:"currency"` // ISO 4217: EUR, USD, GBP
	Period   string  `toml:"period"`   // "year" or "month"
	Levels   []Level `toml:"levels"`
}

// Level is one step of experience and its pay span.
type Level struct {
	ID       string `toml:"id"`
	YearsMin int    `toml:"years_min"`
	// YearsMax is the end of the span; nil means open-ended ("7+ years").
	YearsMax *int `toml:"years_max"`
	Min      int  `toml:"min"` // in currency units, per period
	Max      int  `toml:"max"`
	// MaxOpen marks Max as reachable and exceeded ("100K+").
	MaxOpen bool `toml:"max_open"`
}

// Text is one language file: all the words of the brochure.
type Text struct {
	Title   string   `toml:"title"`
	Kicker  string   `toml:"kicker"`  // the line above the title
	Tagline string   `toml:"tagline"` // one sentence under the title
	Intro   []string `toml:"intro"`   // paragraphs
	Glance  Glance   `toml:"glance"`
	// Sections by id; the layout chooses which appear and in what order.
	Sections map[string]*Section `toml:"sections"`
	CTA      CTA                 `toml:"cta"`
}

// Glance holds the words of the at-a-glance panel.
type Glance struct {
	Heading      string   `toml:"heading"`
	SalaryLabel  string   `toml:"salary_label"`
	ToolsLabel   string   `toml:"tools_label"`
	SectorsLabel string   `toml:"sectors_label"`
	Sectors      []string `toml:"sectors"`
}

// Section is a titled part of the brochure. Every field but Heading is
// optional; what is present is shown in this order: body, items, groups,
// salary levels, note.
type Section struct {
	Heading string   `toml:"heading"`
	Body    []string `toml:"body"`  // paragraphs
	Items   []string `toml:"items"` // bullet points
	Groups  []Group  `toml:"groups"`
	// Levels names the salary levels of role.toml by id; a section with
	// levels shows the salary table and chart.
	Levels map[string]string `toml:"levels"`
	// Columns are the salary table's headings: level, experience, pay.
	Columns []string `toml:"columns"`
	Note    string   `toml:"note"` // a closing remark in smaller type
}

// Group is a labelled set of skills: its tools come from role.toml's
// [tools] under the same id, its items are bullet points.
type Group struct {
	ID    string   `toml:"id"`
	Label string   `toml:"label"`
	Items []string `toml:"items"`
}

// CTA is the call to action that closes the brochure.
type CTA struct {
	Heading    string `toml:"heading"`
	Body       string `toml:"body"`
	EmailLabel string `toml:"email_label"`
	WebLabel   string `toml:"web_label"`
}
