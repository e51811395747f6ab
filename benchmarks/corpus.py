"""A synthetic French corpus in the site's content model, for the build benchmark.

``generate(root, size, images)`` writes ``size`` documents (10 % trades, 10 %
programmes, 80 % news) plus the real pages and data files into ``root``,
deterministically (seeded), with ``images`` phone-sized JPEG photos referenced
by news items. Every file passes the content model's validation.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = ["maintenance", "production", "usinage", "chaudronnerie-soudure",
            "electricite-electronique", "conception", "industrie-du-futur"]
CATEGORIES = ["vie-de-l-ecole", "orientation", "partenariats", "pole-industrie", "emploi"]


def vocabulary() -> list[str]:
    words: set[str] = set()
    for path in (ROOT / "content").rglob("*.md"):
        words.update(w for w in re.findall(r"[a-zàâçéèêëîïôûùüÿœ]{4,}", path.read_text(encoding="utf-8").lower()))
    return sorted(words)


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraphs(rng, words, count) -> str:
    return "\n\n".join(" ".join(sentence(rng, words, rng.randint(8, 16)) for _ in range(4))
                       for _ in range(count))


def yaml_list(items) -> str:
    return "".join(f'\n  - "{item}"' for item in items)


def generate(root: Path, size: int, images: int = 0, seed: int = 32) -> None:
    rng = random.Random(seed)
    words = vocabulary()
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    for folder in ("pages", "data"):
        shutil.copytree(ROOT / "content" / folder, content / folder)
    for folder in ("metiers", "formations", "actualites", "images"):
        (content / folder).mkdir(parents=True)
    n_trades = max(1, size // 10)
    n_programmes = max(1, size // 10)
    n_news = size - n_trades - n_programmes
    trades = [f"metier-{i:05d}" for i in range(n_trades)]
    for slug in trades:
        (content / "metiers" / f"{slug}.md").write_text(
            f"---\ntitle: {sentence(rng, words, 3)[:-1]}\nslug: {slug}\n"
            f"summary: {sentence(rng, words, 12)}\nfamily: {rng.choice(FAMILIES)}\n"
            f"skills:{yaml_list(sentence(rng, words, 5) for _ in range(4))}\n"
            f"workplaces:{yaml_list(sentence(rng, words, 4) for _ in range(2))}\n"
            f"keywords:{yaml_list(rng.sample(words, 5))}\n---\n\n## Le métier\n\n"
            f"{paragraphs(rng, words, 3)}\n", encoding="utf-8")
    for i in range(n_programmes):
        slug = f"formation-{i:05d}"
        (content / "formations" / f"{slug}.md").write_text(
            f"---\ntitle: {sentence(rng, words, 3)[:-1]}\nslug: {slug}\n"
            f"summary: {sentence(rng, words, 12)}\nlevel: {rng.choice(['bac-pro', 'bts'])}\n"
            f"audience: {sentence(rng, words, 6)}\nduration: 2 ans\nrhythm: En alternance\n"
            f"admission: {sentence(rng, words, 8)}\ncost: Gratuit\n"
            f"metiers:{yaml_list(rng.sample(trades, min(2, len(trades))))}\n---\n\n"
            f"## Ce que vous apprenez\n\n{paragraphs(rng, words, 3)}\n", encoding="utf-8")
    photos = []
    for i in range(images):
        path = content / "images" / f"photo-{i:03d}.jpg"
        Image.effect_noise((3000, 2000), 40 + i).convert("RGB").save(path, "JPEG", quality=90)
        photos.append(path.name)
    for i in range(n_news):
        slug = f"actualite-{i:05d}"
        year, month, day = 2019 + i % 7, 1 + i % 12, 1 + i % 28
        image = ""
        if i < len(photos):
            image = f"image: /images/{photos[i]}\nimage_alt: {sentence(rng, words, 6)}\n"
        (content / "actualites" / f"{slug}.md").write_text(
            f"---\ntitle: {sentence(rng, words, 4)[:-1]}\nslug: {slug}\n"
            f'date: {year}-{month:02d}-{day:02d} 09:00\nsummary: {sentence(rng, words, 14)}\n'
            f"category: {rng.choice(CATEGORIES)}\n{image}---\n\n## {sentence(rng, words, 4)[:-1]}\n\n"
            f"{paragraphs(rng, words, 4)}\n", encoding="utf-8")


def documents(root: Path):
    """The generated Markdown files of ``root`` as search documents, with their rendered
    body (what plugins/search_index indexes, without building the site)."""
    import markdown

    from content_model.frontmatter import read_text, split
    from search_index.documents import Document, split_html

    types = {"metiers": "Métier", "formations": "Formation", "actualites": "Actualité"}
    docs = []
    for path in sorted((root / "content").rglob("*.md")):
        meta, body, _ = split(read_text(path))
        headings, text = split_html(markdown.markdown(body))
        keywords = " ; ".join(str(k) for k in meta.get("keywords") or [])
        kind = path.parent.name
        date = str(meta["date"])[:16] if meta.get("date") else None  # "2019-01-01 09:00"
        docs.append(Document(url=f"{kind}/{path.stem}/", type=types.get(kind, "Page"),
                             title=str(meta.get("title", "")), summary=str(meta.get("summary", "")),
                             keywords=keywords, headings=headings, body=text, date=date))
    return docs


def news_document(url: str, date: str, seed: int = 7):
    """A new news item as ``documents`` gives them: words of the vocabulary, dated ``date``."""
    from search_index.documents import Document

    rng, words = random.Random(seed), vocabulary()
    return Document(url=url, type="Actualité", title=sentence(rng, words, 4)[:-1],
                    summary=sentence(rng, words, 14), headings=sentence(rng, words, 4)[:-1],
                    body=" ".join(sentence(rng, words, rng.randint(8, 16)) for _ in range(16)), date=date)
