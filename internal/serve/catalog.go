package serve

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/brochure-dev/brochure/internal/build"
)

// catalog is what the content offers, as the page and the API list it.
type catalog struct {
	Roles   []roleInfo   `json:"roles"`
	Layouts []layoutInfo `json:"layouts"`
	Team    []personInfo `json:"team"`
}

type roleInfo struct {
	ID        string   `json:"id"`
	Languages []string `json:"languages"`
	// Titles by language.
	Titles map[string]string `json:"titles"`
}

type layoutInfo struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Kind        string `json:"kind"`
	// Languages of a bilingual layout; empty for one language.
	Languages []string `json:"languages,omitempty"`
	// Width and height of the trim, millimetres.
	WidthMM  float64 `json:"width_mm"`
	HeightMM float64 `json:"height_mm"`
}

type personInfo struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Titles by language.
	Titles map[string]string `json:"titles"`
}

// load reads everything the content folder holds, so that a broken file
// is found now rather than at a request: the project is used only when
// all of it loads.
func load(dir string) (*build.Project, *catalog, error) {
	p, err := build.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	c := &catalog{}
	var errs []error
	roles, err := p.Roles()
	if err != nil {
		return nil, nil, err
	}
	if len(roles) == 0 {
		return nil, nil, fmt.Errorf("content folder %s: no roles (a role is a folder with a role.toml)", dir)
	}
	// The layouts compile while the roles load, and the roles load on
	// every CPU: 200 roles took half a second one after the other.
	names, err := p.Layouts()
	if err != nil {
		return nil, nil, err
	}
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Go(func() { _, _ = p.Layout(name) }) // errors are reported below
	}
	p.Preload(roles)
	wg.Wait()
	for _, id := range roles {
		r, err := p.Role(id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		info := roleInfo{ID: id, Languages: r.Facts.Languages, Titles: map[string]string{}}
		for lang, t := range r.Texts {
			info.Titles[lang] = t.Title
		}
		c.Roles = append(c.Roles, info)
	}
	for _, name := range names {
		l, err := p.Layout(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		mm := func(pt float64) float64 { return math.Round(pt/72*25.4*10) / 10 }
		c.Layouts = append(c.Layouts, layoutInfo{Name: name, Description: l.Description, Kind: l.Kind,
			Languages: l.Languages, WidthMM: mm(l.Width), HeightMM: mm(l.Height)})
	}
	t, err := p.Team()
	if err != nil {
		errs = append(errs, err)
	} else if t != nil {
		for _, id := range t.IDs() {
			m, _ := t.Member(id)
			c.Team = append(c.Team, personInfo{ID: id, Name: m.Name, Titles: m.Titles})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	return p, c, nil
}

func (c *catalog) role(id string) *roleInfo {
	i := slices.IndexFunc(c.Roles, func(r roleInfo) bool { return r.ID == id })
	if i < 0 {
		return nil
	}
	return &c.Roles[i]
}

func (c *catalog) layout(name string) *layoutInfo {
	i := slices.IndexFunc(c.Layouts, func(l layoutInfo) bool { return l.Name == name })
	if i < 0 {
		return nil
	}
	return &c.Layouts[i]
}

func (c *catalog) person(id string) bool {
	return slices.ContainsFunc(c.Team, func(p personInfo) bool { return p.ID == id })
}
