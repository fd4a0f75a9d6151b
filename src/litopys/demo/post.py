"""Publish the demo post: the Izium and Balakliia story retold in the project's own words.

Its numbers are `{{figure}}` references to figures verified in `litopys.demo.record`; the images
are placeholders drawn here and marked as such, since the demo carries no one else's photos.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.urls import NoReverseMatch
from django.utils import timezone
from PIL import Image, ImageDraw

from litopys.chronicle.models import Category, Media, Post, Tag
from litopys.chronicle.publishing import publish
from litopys.chronicle.rendering import render_markdown
from litopys.incidents.models import Incident
from litopys.places.models import Place

SLUG = "izium-balakliia-war-crimes"
BODY = Path(__file__).resolve().parent / "post_body.md"

MEDIA = {
    "forest": {"title": "Burial site near Izium (placeholder)", "sensitive": True,
               "caption": "The burial site in the forest near Izium, September 2022.",
               "alt": "Placeholder image standing for a photograph of graves among pine trees.",
               "colour": (61, 84, 63)},
    "basement": {"title": "Basement in Balakliia (placeholder)", "sensitive": False,
                 "caption": "A basement in Balakliia that was used to hold and torture people.",
                 "alt": "Placeholder image standing for a photograph of a bare basement room.",
                 "colour": (92, 84, 76)},
    "aid": {"title": "Aid in the liberated villages (placeholder)", "sensitive": False,
            "caption": "Volunteers delivering medical and humanitarian aid in the liberated villages.",
            "alt": "Placeholder image standing for a photograph of volunteers unloading boxes.",
            "colour": (47, 79, 111)},
}


def placeholder(title: str, colour: tuple[int, int, int]) -> bytes:
    """Draw a plain image that says what it stands for and that it is a demo placeholder."""
    image = Image.new("RGB", (960, 540), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 940, 520), outline=(235, 235, 235), width=3)
    draw.text((48, 240), title, fill=(245, 245, 245))
    draw.text((48, 270), "Litopys demo placeholder - not a photograph", fill=(220, 220, 220))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def media(key: str) -> Media:
    spec = MEDIA[key]
    found = Media.objects.filter(title=spec["title"]).first()
    if found:
        return found
    item = Media(title=spec["title"], caption=spec["caption"], alt_text=spec["alt"], credit="Litopys demo",
                 sensitive=spec["sensitive"], width=960, height=540, media_type="image/png")
    item.file.save(f"demo-{key}.png", ContentFile(placeholder(spec["title"], spec["colour"])), save=False)
    item.save()
    return item


def publish_post() -> str:
    """Create or refresh the demo post and publish it; return its URL path."""
    body = BODY.read_text(encoding="utf-8")
    for key in MEDIA:
        body = body.replace("{{media " + key + "}}", f"{{{{media {media(key).pk}}}}}")
    category, _ = Category.objects.get_or_create(slug="war-in-ukraine", defaults={"name": "War in Ukraine"})
    post, _ = Post.objects.get_or_create(slug=SLUG, defaults={"title": "", "published_at": timezone.now()})
    post.title = "Russian war crimes uncovered in Izium and Balakliia"
    post.category = category
    post.author_name = "Litopys demo editors"
    post.language = "en"
    post.lead = ("Liberated in September 2022, Izium and Balakliia revealed a burial site in a forest, torture "
                 "chambers in basements and the accounts of people who survived the occupation.")
    post.body = body
    post.body_html = render_markdown(body)
    post.featured_image = media("basement")
    if post.status != "published":
        post.status = "draft"
    post.save()
    post.incidents.set(Incident.objects.filter(slug__in=["izium-mass-burial-site", "kharkiv-region-torture-sites",
                                                         "izium-occupation-killings"]))
    post.places.set(Place.objects.filter(geonames_id__in=[707292, 712926, 706482]))
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in [("izium", "Izium"), ("balakliia", "Balakliia"), ("mass-graves", "Mass graves"),
                               ("torture", "Torture")]]
    post.tags.set(tags)
    # The same rule as for any editor: every cited figure must be verified, or publishing is refused.
    publish(post, when=post.published_at)
    try:
        return post.get_absolute_url()
    except NoReverseMatch:
        return f"/posts/{post.slug}/"
