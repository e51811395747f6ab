"""config.yml is derived from the schema: every type, every field, right widget."""

from __future__ import annotations

import re

import pytest

from cms_config.config import build, file_name, widget
from content_model import rules, yaml12
from content_model import schema as s
from content_model.frontmatter import read_text, split
from content_model.reader import FrontMatterReader, content_type_for
from content_model.validate import check_value
from support import ROOT

# The Decap patterns of a month and a partial date: the build's rules.
MONTH_PATTERN = rules.combine([rules.MONTH])
PARTIAL_DATE_PATTERN = rules.combine([rules.PARTIAL_DATE])

WIDGETS = {s.STRING: "string", s.SLUG: "string", s.TEXT: "text", s.DATETIME: "datetime",
           s.INTEGER: "number", s.NUMBER: "number", s.BOOLEAN: "boolean", s.SELECT: "select",
           s.URL: "string", s.IMAGE: "image", s.STRINGS: "list", s.REFS: "relation",
           s.OBJECTS: "list", s.MONTH: "string", s.CHOICES: "select", s.EMAIL: "string",
           s.PHONE: "string"}


def config(**settings):
    return build({"CMS_REPO": "owner/site", **settings})


def collections_by_type(cfg) -> dict[str, list[dict]]:
    """{type name: its Decap fields}."""
    by_name = {c["name"]: c for c in cfg["collections"]}
    out = {}
    for ctype in s.MARKDOWN_TYPES:
        out[ctype.name] = by_name[ctype.folder]["fields"]
    files = {f["name"]: f for f in by_name["donnees"]["files"]}
    for ctype in s.DATA_TYPES:
        if ctype.single:  # one record: the file's fields are the type's
            out[ctype.name] = files[file_name(ctype)]["fields"]
            continue
        lists = {f["name"]: f for f in files[file_name(ctype)]["fields"]}
        out[ctype.name] = lists[ctype.data_key]["fields"]
    return out


def check_fields(schema_fields, decap_fields, where):
    decap = {f["name"]: f for f in decap_fields if f["name"] != "body"}
    assert set(decap) == {f.name for f in schema_fields}, where
    for f in schema_fields:
        d = decap[f.name]
        assert d["widget"] == ("string" if f.partial else WIDGETS[f.kind]), (where, f.name)
        assert d.get("required", True) is f.required, (where, f.name)
        if f.kind in (s.SELECT, s.CHOICES):
            assert [o["value"] for o in d["options"]] == list(f.option_values), (where, f.name)
            assert d.get("multiple", False) is (f.kind == s.CHOICES), (where, f.name)
        if f.kind in (s.EMAIL, s.PHONE):
            assert d["pattern"][0].startswith("^"), (where, f.name)
        if f.kind == s.DATETIME and f.partial:
            assert d["pattern"] == PARTIAL_DATE_PATTERN, (where, f.name)
        elif f.kind == s.DATETIME:
            assert d["format"] == "YYYY-MM-DD HH:mm" and d["picker_utc"] is False
        if f.kind == s.MONTH:
            assert d["pattern"][0] == MONTH_PATTERN[0], (where, f.name)
        if f.kind == s.REFS:
            target = s.BY_NAME[f.ref]
            assert d["multiple"] is True
            assert d["collection"] == (target.folder or "donnees"), (where, f.name)
        if f.kind == s.OBJECTS:
            check_fields(f.fields, d["fields"], f"{where}.{f.name}")
        if f.kind in (s.INTEGER, s.NUMBER):
            assert (d.get("min"), d.get("max")) == (f.minimum, f.maximum), (where, f.name)
        if f.kind in (s.STRINGS, s.REFS, s.OBJECTS, s.CHOICES):
            assert d.get("max") == f.max_items, (where, f.name)


def test_every_type_and_field_agrees_with_the_schema():
    by_type = collections_by_type(config())
    assert set(by_type) == {t.name for t in s.TYPES}
    for ctype in s.TYPES:
        check_fields(ctype.fields, by_type[ctype.name], ctype.name)
        # The body: required in Decap (its default) exactly where the build refuses an
        # empty one (content_model.reader: every type with a body).
        bodies = [f for f in by_type[ctype.name] if f["name"] == "body"]
        assert len(bodies) == ctype.body, ctype.name
        for body in bodies:
            assert body["widget"] == "markdown" and body.get("required", True) is True, ctype.name




@pytest.mark.parametrize("value", ["2022-12", "2022", "1999-01", "2022-1", "2022-13", "22-12",
                                   "2022-12-01", "décembre 2022", "2022-00"])
def test_month_pattern_accepts_what_the_build_accepts(value):
    """The CMS refuses exactly the validity dates that the build would refuse."""
    _, error = check_value(s.VALID_AS_OF, value)
    assert bool(re.match(MONTH_PATTERN[0], value)) is (error is None), value


@pytest.mark.parametrize("value", [
    "2022", "2022-11", "2022-11-20", "2022-11-20 10:30", "2026-01-01 00:00", "1990", "2100-12", "1989", "2101",
    "22", "1899", "3000", "2022-1", "2022-13", "2022-00", "2022-11-32", "2022-11-00",
    "2022-11-20 24:00", "2022-11-20 10:60", "2022-11-20 9:30", "novembre 2022", "20/11/2022", ""])
def test_partial_date_pattern_accepts_what_the_build_accepts(value):
    """The news date in the CMS: the forms the hint names, refused exactly when the build
    refuses them (the build also reads the T and seconds forms of older files, and refuses
    an impossible day such as 2022-02-30, which the pattern lets through)."""
    (date,) = [f for f in s.NEWS.fields if f.name == "date"]
    _, error = check_value(date, value)
    pattern = PARTIAL_DATE_PATTERN[0]
    assert bool(re.match(pattern, value)) is (error is None), value
    assert all(form in date.hint for form in ("AAAA-MM-JJ HH:mm", "AAAA-MM-JJ", "AAAA-MM", "AAAA"))


def test_validity_dates_are_editable_where_the_schema_declares_them():
    by_type = collections_by_type(config())
    for name in ("formation", "page", "figure"):
        (field,) = [f for f in by_type[name] if f["name"] == "valid_as_of"]
        assert field["widget"] == "string" and field["required"] is False, name
        assert field["pattern"] == MONTH_PATTERN and "AAAA-MM" in field["hint"], name


def test_markdown_collections_write_what_the_reader_reads(tmp_path):
    """Files Decap writes (folder, extension, front matter) are read by FrontMatterReader
    as the collection's type."""
    for collection in config()["collections"][:-1]:
        assert collection["format"] == "frontmatter"
        assert collection["extension"] in FrontMatterReader.file_extensions
        written = tmp_path / collection["folder"] / f"exemple.{collection['extension']}"
        ctype = content_type_for(str(written), str(tmp_path / "content"))
        assert ctype is not None and ctype.label == collection["label"], collection["folder"]
        assert collection["slug"] == "{{fields.slug}}"
        assert collection["fields"][-1]["widget"] == "markdown"


def test_local_backend_only_in_development():
    assert "local_backend" in config(CMS_LOCAL_BACKEND=True)
    assert "local_backend" not in config(CMS_LOCAL_BACKEND=False)
    published = config(CMS_LOCAL_BACKEND=False, CMS_AUTH_URL="https://auth.example.org")
    assert published["backend"] == {"name": "github", "repo": "owner/site", "branch": "main",
                                    "base_url": "https://auth.example.org"}
    assert published["locale"] == "fr"


@pytest.mark.parametrize("ctype", s.MARKDOWN_TYPES, ids=lambda t: t.name)
def test_existing_content_round_trips_through_the_cms(ctype):
    """Each existing file would open in the CMS with no unknown field."""
    fields = {f["name"] for f in collections_by_type(config())[ctype.name]}
    files = sorted((ROOT / "content" / ctype.folder).glob("*.md"))
    assert files or ctype is s.EVENT  # the facts give no event a date: none yet
    for path in files:
        meta, _, _ = split(read_text(path))
        assert set(meta) <= fields, (path, set(meta) - fields)


def test_existing_data_round_trips_through_the_cms():
    by_type = collections_by_type(config())
    for ctype in s.DATA_TYPES:
        fields = {f["name"] for f in by_type[ctype.name]}
        data = yaml12.load(read_text(ROOT / "content" / ctype.data_file))
        for entry in [data] if ctype.single else data[ctype.data_key]:
            assert set(entry) <= fields, (ctype.name, set(entry) - fields)


def test_built_admin(real_site):
    admin = real_site.output / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert 'content="noindex, nofollow"' in html and 'lang="fr"' in html
    script = re.search(r'<script src="/(admin/decap/decap-cms\.js)"', html)
    assert script and (real_site.output / script.group(1)).stat().st_size > 1_000_000
    assert not re.search(r"https?://(?!127\.0\.0\.1|localhost)[^\"' ]+\.js", html)  # no CDN
    cfg = yaml12.load((admin / "config.yml").read_text(encoding="utf-8"))
    assert cfg["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert "admin" not in (real_site.output / "sitemap.xml").read_text(encoding="utf-8")


def test_published_admin_never_uses_the_local_backend(published):
    cfg = yaml12.load((published.output / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert "local_backend" not in cfg and cfg["backend"]["name"] == "github"


def test_published_admin_without_oauth_proxy_says_what_to_configure(published):
    """CMS_REPO set, CMS_AUTH_URL not (the fixture's build): no GitHub button that fails,
    the page names the variable to set, and the build warned (not fatally)."""
    page = published.page("admin/")
    html = (published.output / "admin" / "index.html").read_text(encoding="utf-8")
    assert "decap-cms.js" not in html and "cms-config-url" not in html
    assert page.h1 == ["Espace de rédaction : connexion pas encore configurée"]
    assert "CMS_AUTH_URL" in page.text and "invoke cms" in page.text
    assert "ATTENTION : CMS_AUTH_URL n'est pas défini" in published.log


@pytest.mark.parametrize("value", ["04 73 00 00 00", "0473000000", "04.73.00.00.00", "+33 4 73 00 00 00",
                                   "+1 202 555 0100", "473000000", "04 73 00 00", "00 73 00 00 00",
                                   "tél. 04 73 00 00 00", "+33 4 73 00 00 00 00 00 00 00"])
def test_phone_pattern_accepts_what_the_build_accepts(value):
    """The CMS refuses exactly the phone numbers that the build would refuse."""
    f = s.ORGANISATION.field("phone")
    _, error = check_value(f, value)
    assert bool(re.match(widget(f)["pattern"][0], value)) is (error is None), value


def test_new_types_in_the_cms():
    """Events are a folder collection with the audiences as a multiple select and the
    programmes as a relation; the organisation is one file whose fields are at the top."""
    cfg = config()
    events = {c["name"]: c for c in cfg["collections"]}["evenements"]
    assert events["folder"] == "content/evenements" and events["create"] is True
    fields = {f["name"]: f for f in events["fields"]}
    assert fields["audiences"]["multiple"] is True
    assert [o["value"] for o in fields["audiences"]["options"]] == [v for v, _ in s.AUDIENCES]
    assert fields["formations"]["collection"] == "formations"
    assert fields["start"]["widget"] == "datetime" and fields["end"]["required"] is False
    files = {f["name"]: f for f in {c["name"]: c for c in cfg["collections"]}["donnees"]["files"]}
    organisation = files["organisation"]
    assert organisation["file"] == "content/data/organisation.yaml"
    assert [f["name"] for f in organisation["fields"]] == list(s.ORGANISATION.field_names)
    assert all(f["required"] is False for f in organisation["fields"])


def test_orientation_and_admission_fields_in_the_cms():
    """Programmes: audiences is a multiple select of the schema's profiles (the
    orientation path reads it); the admission fields are optional lists and lines."""
    fields = {f["name"]: f for f in collections_by_type(config())["formation"]}
    assert fields["audiences"]["widget"] == "select" and fields["audiences"]["multiple"] is True
    assert [o["value"] for o in fields["audiences"]["options"]] == [v for v, _ in s.PROFILES]
    assert fields["audiences"]["required"] is False
    for name, widget_name in (("admission_steps", "list"), ("admission_documents", "list"),
                              ("admission_when", "string"), ("admission_contact", "string")):
        assert fields[name]["widget"] == widget_name and fields[name]["required"] is False, name
    names = [f["name"] for f in collections_by_type(config())["formation"]]
    assert names.index("admission") < names.index("admission_steps") < names.index("cost")
