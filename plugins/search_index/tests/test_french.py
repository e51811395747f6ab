"""Index terms of a word: the French steps in the browser's order, stems and words."""

from search_index import french


def test_word_terms_keeps_the_whole_word_beside_its_stem():
    assert french.word_terms("l'électricité", True) == ("electricit", "electricite")
    assert french.word_terms("l'électricité", False) == ("electricit",)


def test_stop_words_punctuation_and_numbers():
    assert french.word_terms("les", True) == ()
    assert french.word_terms("«", True) == ()
    assert french.word_terms("2019,", True) == ("2019",)


def test_words_split_like_lunr_on_spaces_hyphens_and_narrow_spaces():
    assert french.words("Bac Pro\u202fMaintenance-Industrielle") == ["bac", "pro", "maintenance", "industrielle"]
