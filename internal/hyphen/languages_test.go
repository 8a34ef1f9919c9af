package hyphen

import "testing"

// Spanish, Italian, Dutch and Portuguese: words of our own brochures,
// divided by the rules their pattern authors follow (RAE: "rr" and "ll"
// stay together; UNI 6461: "s" + consonant goes with the next syllable,
// "pa-sta"; Dutch compounds at their joints; Portuguese hiatus,
// "con-fi-a-"), with 2 letters before and 3 after a hyphen. The authors'
// own lists are in testdata/authors (authors_test.go).
var (
	es = []wordCase{
		{"infraestructura", "in-fra-es-truc-tura"},
		{"fiabilidad", "fia-bi-li-dad"},
		{"disponibilidad", "dis-po-ni-bi-li-dad"},
		{"automatización", "au-to-ma-ti-za-ción"},
		{"desarrollador", "de-sa-rro-lla-dor"},
		{"responsabilidad", "res-pon-sa-bi-li-dad"},
		{"perro", "pe-rro"},
		{"llamada", "lla-mada"},
		{"constitución", "cons-ti-tu-ción"},
		{"instrucción", "ins-truc-ción"},
		{"herramientas", "he-rra-mien-tas"},
		{"transatlántico", "trans-atlán-tico"},
		{"subrayar", "sub-ra-yar"},
		{"conocimiento", "co-no-ci-miento"},
	}
	it = []wordCase{
		{"infrastruttura", "in-fra-strut-tura"},
		{"dell’infrastruttura", "dell’in-fra-strut-tura"},
		{"affidabilità", "af-fi-da-bi-lità"},
		{"disponibilità", "di-spo-ni-bi-lità"},
		{"automazione", "au-to-ma-zione"},
		{"sviluppatore", "svi-lup-pa-tore"},
		{"responsabilità", "re-spon-sa-bi-lità"},
		{"pasta", "pa-sta"},
		{"gnocchi", "gnoc-chi"},
		{"acqua", "ac-qua"},
		{"psicologia", "psi-co-lo-gia"},
		{"costruzione", "co-stru-zione"},
		{"ingegnere", "in-ge-gnere"},
		{"prestazioni", "pre-sta-zioni"},
	}
	nl = []wordCase{
		{"infrastructuur", "in-fra-struc-tuur"},
		{"betrouwbaarheid", "be-trouw-baar-heid"},
		{"beschikbaarheid", "be-schik-baar-heid"},
		{"verantwoordelijkheid", "ver-ant-woor-de-lijk-heid"},
		{"ontwikkelaar", "ont-wik-ke-laar"},
		{"samenwerking", "sa-men-wer-king"},
		{"werkgever", "werk-ge-ver"},
		{"gereedschap", "ge-reed-schap"},
		{"kinderen", "kin-de-ren"},
		{"geïnteresseerd", "ge-ïn-te-res-seerd"},
		{"ruïne", "ru-ïne"},
		{"waarneembaarheid", "waar-neem-baar-heid"},
		{"onderneming", "on-der-ne-ming"},
		{"platform", "plat-form"},
	}
	pt = []wordCase{
		{"infraestrutura", "in-fra-es-tru-tura"},
		{"confiabilidade", "con-fi-a-bi-li-dade"},
		{"disponibilidade", "dis-po-ni-bi-li-dade"},
		{"desenvolvimento", "de-sen-vol-vi-mento"},
		{"engenheiro", "en-ge-nheiro"},
		{"experiência", "ex-pe-ri-ên-cia"},
		{"exceção", "ex-ce-ção"},
		{"coração", "co-ra-ção"},
		{"pássaro", "pás-saro"},
		{"administração", "ad-mi-nis-tra-ção"},
		{"ferramentas", "fer-ra-men-tas"},
		{"conhecimento", "co-nhe-ci-mento"},
		{"carro", "carro"},        // "car-ro", but 3 letters after
		{"hardware", "hard-ware"}, // the file's exception list
	}
)

func TestOtherLanguages(t *testing.T) {
	for _, tc := range []struct {
		tags  []string
		cases []wordCase
	}{
		{[]string{"es", "es-MX"}, es},
		{[]string{"it", "it-CH"}, it},
		{[]string{"nl", "nl-BE"}, nl},
		{[]string{"pt", "pt-BR", "pt-PT"}, pt},
	} {
		for _, tag := range tc.tags {
			checkWords(t, tag, tc.cases)
		}
	}
}
