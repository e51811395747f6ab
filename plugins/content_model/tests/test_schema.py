"""The schema is consistent with itself: what other parts derive from it holds."""

from content_model import schema as s


def test_type_names_and_urls_are_unique():
    assert len({t.name for t in s.TYPES}) == len(s.TYPES)
    folders = [t.folder for t in s.MARKDOWN_TYPES]
    assert len(set(folders)) == len(folders)


def test_every_type_has_its_id_field_required():
    for ctype in s.TYPES:
        if ctype.single:  # one record per file: nothing to tell apart
            continue
        assert ctype.field(ctype.id_field).required, ctype.name
        assert ctype.field(ctype.id_field).kind == s.SLUG


def test_references_point_to_existing_types():
    for ctype in s.TYPES:
        for f in ctype.fields:
            if f.kind == s.REFS:
                assert f.ref in s.BY_NAME, (ctype.name, f.name)


def test_select_defaults_are_options():
    for ctype in s.TYPES:
        for f in ctype.fields:
            if f.kind == s.SELECT and f.default is not None:
                assert f.default in f.option_values, (ctype.name, f.name)


def test_markdown_types_carry_title_slug_summary_status():
    for ctype in s.MARKDOWN_TYPES:
        assert {"title", "slug", "summary", "status"} <= set(ctype.field_names), ctype.name


def test_derived_names_do_not_shadow_fields():
    for target in s.TYPES:
        derived = {f.reverse for t in s.TYPES for f in t.fields
                   if f.ref == target.name and f.reverse}
        assert not derived & set(target.field_names), target.name


def test_a_single_record_type_has_its_data_file_to_itself():
    singles = [t for t in s.DATA_TYPES if t.single]
    assert singles == [s.ORGANISATION, s.TEXTS]
    for ctype in singles:
        assert [t for t in s.DATA_TYPES if t.data_file == ctype.data_file] == [ctype]
        assert not any(f.required for f in ctype.fields), "a missing file must stay valid"


def test_choices_defaults_are_options():
    for ctype in s.TYPES:
        for f in ctype.fields:
            if f.kind == s.CHOICES:
                assert set(f.default or ()) <= set(f.option_values), (ctype.name, f.name)
