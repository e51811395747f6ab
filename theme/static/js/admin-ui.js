/* Decap CMS's French interface (/admin/), mended where it fails editors: « ＋ Actualité »
   uses U+FF0B, a glyph Debian's default fonts (DejaVu) lack, shown as a box; it becomes
   the ASCII « + ». Loaded only by admin.html, after decap-cms.js, before Decap starts. */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || !CMS.getLocale) { return; }
  var fr = CMS.getLocale("fr");
  var top = fr && fr.collection && fr.collection.collectionTop;
  if (top && top.newButton) {
    top.newButton = top.newButton.replace("\uFF0B", "+");
    CMS.registerLocale("fr", fr);
  }
}());
