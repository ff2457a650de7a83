"""An SVG (logos often are) by allowlist: only drawing, nothing that runs or loads.

Opened on the site's own address, an SVG is a document that can run scripts, embed HTML
and fetch from anywhere; a deny-list always misses a trick (`xlink:href="data:…"`,
`<animate to="javascript:…">`, `<set attributeName="onmouseover">`). So each file is
parsed with lxml and may hold only the elements and attributes below: the static parts of
SVG 1.1/2, what drawing programs add as metadata (Inkscape, Sodipodi, RDF), and animation
that changes how something looks, never what it does or where it links.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from cultuurregio.site.common.problems import Problem

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Drawing programs' own notes: not rendered by any browser.
METADATA_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Variables/1.0/",
    "http://www.bohemiancoding.com/sketch/ns",
}
ELEMENTS = set("""
svg g defs symbol use title desc metadata switch view
path rect circle ellipse line polyline polygon image
text tspan textPath
linearGradient radialGradient stop pattern clipPath mask marker
filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur
feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile
feTurbulence
style animate animateTransform animateMotion set mpath
""".split())
ANIMATIONS = {"animate", "animateTransform", "animateMotion", "set"}
ATTRIBUTES = set("""
id class style lang tabindex transform viewBox preserveAspectRatio version baseProfile width height x y
x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength href
fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit
stroke-dasharray stroke-dashoffset stroke-opacity opacity color color-interpolation
color-interpolation-filters color-rendering display visibility overflow clip clip-path clip-rule mask
marker marker-start marker-mid marker-end markerWidth markerHeight markerUnits refX refY orient
font-family font-size font-size-adjust font-stretch font-style font-variant font-weight
text-anchor text-decoration text-rendering dominant-baseline alignment-baseline baseline-shift
letter-spacing word-spacing writing-mode direction unicode-bidi dx dy rotate textLength lengthAdjust
startOffset method spacing side
gradientUnits gradientTransform spreadMethod offset stop-color stop-opacity
patternUnits patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits
filter filterUnits primitiveUnits in in2 result mode type values operator k1 k2 k3 k4 order kernelMatrix
divisor bias targetX targetY edgeMode kernelUnitLength preserveAlpha surfaceScale diffuseConstant
specularConstant specularExponent limitingConeAngle pointsAtX pointsAtY pointsAtZ azimuth elevation z
scale xChannelSelector yChannelSelector stdDeviation radius numOctaves seed stitchTiles baseFrequency
flood-color flood-opacity lighting-color tableValues slope intercept amplitude exponent
shape-rendering image-rendering vector-effect paint-order mix-blend-mode isolation
requiredFeatures requiredExtensions systemLanguage
attributeName attributeType begin dur end min max restart repeatCount repeatDur calcMode keyTimes
keySplines keyPoints from to by additive accumulate path
enable-background space media role focusable
""".split())
LINK_ATTRIBUTES = {"href", "src"}
CSS_URL = re.compile(r"url\(\s*(['\"]?)(?P<address>[^'\")]*)\1\s*\)", re.I)
UNSAFE_CSS = re.compile(r"@import|expression\s*\(|javascript\s*:|behavior\s*:|-moz-binding", re.I)
REDO = "Exporteer het opnieuw als gewone SVG (zonder scripts, koppelingen en ingebedde bestanden), of als PNG"


def svg_problems(path: Path, name: str) -> list[Problem]:
    """Everything in an SVG file outside the allowlist, with its line."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as error:
        line = getattr(error, "lineno", None)
        return [Problem(name, line, f"dit SVG-bestand is geen geldige SVG (het bestand is beschadigd of "
                                    f"onvolledig). {REDO}")]
    problems = []

    def refuse(element, what: str) -> None:
        problems.append(Problem(name, element.sourceline, f"dit SVG-bestand bevat {what}; dat zou op deze site "
                                                          f"uitgevoerd of geladen worden. {REDO}"))

    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None and docinfo.internalDTD.iterentities():
        refuse(root, "eigen entiteiten (<!ENTITY>)")
    for element in root.iter():
        if not isinstance(element.tag, str):
            if isinstance(element, etree._Entity):
                refuse(element, "een entiteit")
            continue  # comments and processing instructions are inert
        namespace, local = _split(element.tag)
        if namespace in METADATA_NAMESPACES:
            continue
        if namespace != SVG or local not in ELEMENTS:
            refuse(element, f"een onderdeel <{local}> dat niet bij een tekening hoort")
            continue
        for key, value in element.attrib.items():
            attr_namespace, attr = _split(key)
            if attr_namespace in METADATA_NAMESPACES or attr_namespace == XML:
                continue
            if attr_namespace not in ("", XLINK) or (attr_namespace == XLINK and attr not in ("href", "title")):
                refuse(element, f"een attribuut {attr}= dat niet bij een tekening hoort")
            elif attr.lower().startswith("on"):
                refuse(element, f"een gebeurtenis die code uitvoert ({attr}=)")
            elif (attr not in ATTRIBUTES and not attr.startswith(("data-", "aria-"))
                  and attr_namespace != XLINK):
                refuse(element, f"een attribuut {attr}= dat niet bij een tekening hoort")
            elif attr in LINK_ATTRIBUTES and not _local_reference(value, local in ("image", "feImage")):
                refuse(element, f"een verwijzing naar een ander bestand, een andere site of code ({attr}=\"{value[:40]}\")")
            elif _unsafe_css(value):
                refuse(element, "opmaak die iets van elders laadt of code uitvoert")
        if local in ANIMATIONS:
            target = element.get("attributeName", "")
            if target.lower().startswith("on") or _split(target)[1] in LINK_ATTRIBUTES or target.endswith(":href"):
                refuse(element, f"een animatie die {target}= verandert (een gebeurtenis of een link)")
            for attr in ("from", "to", "by", "values"):
                if re.search(r"javascript\s*:|data\s*:", element.get(attr, ""), re.I):
                    refuse(element, f"een animatie met code of ingebedde gegevens ({attr}=)")
        if local == "style" and _unsafe_css(element.text or ""):
            refuse(element, "opmaak die iets van elders laadt of code uitvoert")
    return problems


def _split(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _local_reference(value: str, file_allowed: bool) -> bool:
    """`#id` within the file; a file next to it only where SVG shows an image."""
    value = value.strip()
    if value.startswith("#"):
        return True
    if not file_allowed or ":" in value.split("/")[0] or value.startswith("//"):
        return False
    return bool(value)


def _unsafe_css(text: str) -> bool:
    if UNSAFE_CSS.search(text):
        return True
    return any(not found["address"].strip().startswith("#") for found in CSS_URL.finditer(text))
