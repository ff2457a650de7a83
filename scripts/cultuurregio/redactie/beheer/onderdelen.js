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
    hint: "De naam van de fotograaf (het onderschrift wordt 'Foto: …'). Gebruik alleen foto's waarvan de maker toestemming gaf.",
  },
];

const photo = ({ bestand, beschrijving, maker }) =>
  `![${beschrijving}](${bestand})\n/// caption\nFoto: ${maker}\n///`;

registerEditorComponent({
  id: "foto",
  label: "Foto",
  icon: "photo",
  fields: photoFields,
  pattern: /^!\[([^\]\n]*)\]\(([^)\s]+)\)\n\/\/\/ caption\nFoto: ([^\n]*)\n\/\/\/$/m,
  fromBlock: (match) => ({ beschrijving: match[1], bestand: match[2], maker: match[3] }),
  toBlock: photo,
  toPreview: ({ bestand, beschrijving, maker }) =>
    `<figure><img src="${escape(bestand)}" alt="${escape(beschrijving)}"><figcaption>Foto: ${escape(maker)}</figcaption></figure>`,
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
