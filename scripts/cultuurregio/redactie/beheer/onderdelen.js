// The site's own Markdown blocks as buttons in the editor's text field, so editors fill in a
// form instead of typing the markup (CONTRIBUTING.md, "Een foto toevoegen", "Een video").
// Each block is written exactly as the site reads it, and read back from the same text.
import { registerEditorComponent } from "@sveltia/cms";

const escape = (text) =>
  String(text ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const photoFields = [
  {
    name: "bestand",
    label: "Foto",
    widget: "image",
    // A photo from another site would load that site for every visitor: the build refuses it.
    choose_url: false,
    hint: "Een JPEG of PNG; een foto van uw telefoon mag gewoon. De site toont kleinere versies zonder de gegevens die de telefoon meeschreef.",
  },
  {
    name: "beschrijving",
    label: "Wat er op de foto te zien is",
    widget: "string",
    hint: "Eén korte zin; die leest een schermlezer voor aan wie de foto niet ziet. 'Foto' of de bestandsnaam zegt niets.",
  },
  {
    name: "maker",
    label: "Maker",
    widget: "string",
    hint: "De naam van de fotograaf of maker. Gebruik alleen beelden waarvan de maker toestemming gaf.",
  },
  // "Foto" for a new photo; an existing caption's own word ("Beeld: …") is kept as it is.
  { name: "soort", widget: "hidden", default: "Foto" },
];

// The words the build accepts before the maker's name (site/media/image_checks.py, MAKER).
const KINDS = ["Foto", "Beeld", "Illustratie", "Tekening", "Ontwerp"];

const photo = ({ bestand, beschrijving, maker, soort }) =>
  `![${beschrijving}](${bestand})\n/// caption\n${soort || "Foto"}: ${maker}\n///`;

registerEditorComponent({
  id: "foto",
  label: "Foto",
  icon: "photo",
  fields: photoFields,
  pattern: new RegExp(`^!\\[([^\\]\\n]*)\\]\\(([^)\\s]*)\\)\\n/// caption\\n(${KINDS.join("|")}): ([^\\n]*)\\n///$`, "m"),
  fromBlock: (match) => ({ beschrijving: match[1], bestand: match[2], soort: match[3], maker: match[4] }),
  toBlock: photo,
  toPreview: ({ bestand, beschrijving, maker, soort }) =>
    `<figure><img src="${escape(bestand)}" alt="${escape(beschrijving)}"><figcaption>${escape(soort || "Foto")}: ${escape(maker)}</figcaption></figure>`,
});

registerEditorComponent({
  id: "meer",
  label: "Einde van de inleiding",
  icon: "more_horiz",
  fields: [],
  pattern: /^<!-- more -->$/m,
  fromBlock: () => ({}),
  toBlock: () => "<!-- more -->",
  toPreview: () => "<hr><p>Tot hier: de inleiding in het overzicht van alle nieuwsbrieven.</p>",
});

// A video (CONTRIBUTING.md, "Een video"): the address of its page on YouTube or Vimeo, its title,
// and an optional picture shown before it plays. Nothing of YouTube or Vimeo loads in the editor
// either: its preview is a box with the title.
const posterFields = photoFields.map((field) => ({
  ...field,
  name: `beeld_${field.name}`,
  label: field.name === "bestand" ? "Beeld vooraf (mag leeg blijven)" : field.label && `${field.label} (bij het beeld vooraf)`,
  required: false,
}));

const poster = ({ beeld_bestand, beeld_beschrijving, beeld_maker, beeld_soort }) =>
  beeld_bestand
    ? `\n\n${photo({ bestand: beeld_bestand, beschrijving: beeld_beschrijving, maker: beeld_maker, soort: beeld_soort })}`
    : "";

registerEditorComponent({
  id: "video",
  label: "Video",
  icon: "smart_display",
  fields: [
    {
      name: "adres",
      label: "Adres van de video",
      widget: "string",
      hint: "Het adres van de videopagina op YouTube of Vimeo, zoals in de adresbalk. Geen insluitcode (<iframe>).",
    },
    { name: "titel", label: "Titel van de video", widget: "string", hint: "Waar de video over gaat, in één regel." },
    ...posterFields,
  ],
  pattern: new RegExp(
    `^/// video \\| (\\S+)\\n([^\\n]*)(?:\\n\\n!\\[([^\\]\\n]*)\\]\\(([^)\\s]*)\\)\\n/// caption\\n(${KINDS.join("|")}): ([^\\n]*)\\n///)?\\n///$`,
    "m",
  ),
  fromBlock: (match) => ({
    adres: match[1],
    titel: match[2],
    beeld_beschrijving: match[3],
    beeld_bestand: match[4],
    beeld_soort: match[5],
    beeld_maker: match[6],
  }),
  toBlock: (values) => `/// video | ${values.adres}\n${values.titel}${poster(values)}\n///`,
  toPreview: ({ adres, titel }) =>
    `<figure><p><strong>Video: ${escape(titel)}</strong></p><figcaption>${escape(adres)}</figcaption></figure>`,
});
