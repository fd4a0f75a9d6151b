/* The public record's maps: the bundled outline of Ukraine, optional tiles, and pins for published incidents.
 * Every map reads its settings from data- attributes of an element marked data-record-map:
 *   data-outline   URL of the bundled GeoJSON outline (always drawn, so the map works offline)
 *   data-tiles     tile URL template, or empty for no tiles; data-attribution: its credit line
 *   data-features  URL of the incidents' GeoJSON (the overview map), or
 *   data-point     "lat,lon" of one incident, with data-title (an incident's own page)
 * The element carries data-map-still while the map is not panning or zooming (an opened popup pans the map
 * into view: whoever clicks a popup's link, a test included, waits for the map to stand still).
 */
(function () {
  "use strict";
  var UKRAINE = [[44.3, 22.1], [52.4, 40.2]];

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) { node.className = className; }
    return node;
  }

  function popup(properties, openLabel) {
    var box = document.createElement("div");
    box.className = "record-popup";
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title;
    heading.appendChild(link);
    box.appendChild(heading);
    box.appendChild(text("p", [properties.type_label, properties.dates, properties.place].filter(Boolean).join(" · ")));
    (properties.figures || []).forEach(function (figure) {
      box.appendChild(text("p", figure.label + ": " + figure.text));
    });
    var more = text("a", openLabel);
    more.href = properties.url;
    var line = document.createElement("p");
    line.appendChild(more);
    box.appendChild(line);
    return box;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  function init(element) {
    var data = element.dataset;
    var map = L.map(element, { scrollWheelZoom: false, zoomSnap: 0.25, attributionControl: Boolean(data.tiles) });
    map.fitBounds(UKRAINE);
    element.setAttribute("data-map-still", "");
    map.on("movestart zoomstart", function () { element.removeAttribute("data-map-still"); });
    map.on("moveend zoomend", function () { element.setAttribute("data-map-still", ""); });
    map.createPane("outline").style.zIndex = 350;
    if (data.tiles) {
      L.tileLayer(data.tiles, { attribution: data.attribution || "", maxZoom: 18 }).addTo(map);
    }
    getJSON(data.outline).then(function (outline) {
      L.geoJSON(outline, {
        pane: "outline",
        interactive: false,
        style: function (feature) {
          var country = feature.properties.level === "country";
          return { color: country ? "#1f3b57" : "#6d87a0", weight: country ? 2 : 0.8, fillColor: "#f8f6ee",
                   fillOpacity: data.tiles ? 0 : (country ? 1 : 0) };
        }
      }).addTo(map);
      element.setAttribute("data-outline-ready", "");
    }).catch(function (error) { element.setAttribute("data-outline-error", String(error)); });

    if (data.point) {
      var at = data.point.split(",").map(Number);
      L.marker(at, { title: data.title || "", alt: data.title || "", keyboard: true }).addTo(map);
      map.setView(at, 7);
      element.setAttribute("data-pins-ready", "1");
      return;
    }
    if (data.features) {
      getJSON(data.features).then(function (collection) {
        L.geoJSON(collection, {
          pointToLayer: function (feature, latlng) {
            return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
          },
          onEachFeature: function (feature, layer) {
            layer.bindPopup(popup(feature.properties, data.openLabel || "Open"));
          }
        }).addTo(map);
        element.setAttribute("data-pins-ready", String(collection.features.length));
      }).catch(function (error) { element.setAttribute("data-pins-error", String(error)); });
    }
  }

  document.querySelectorAll("[data-record-map]").forEach(init);
}());
