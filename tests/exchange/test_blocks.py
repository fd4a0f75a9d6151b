"""Gutenberg and classic WordPress HTML to Litopys Markdown, on small hand-written snippets."""

from litopys.chronicle.rendering import render_markdown
from litopys.exchange.wordpress.blocks import blocks_to_markdown, convert

MEDIA = {5: 105, 6: 106}.get


def md(html: str, **options) -> str:
    return blocks_to_markdown(html, MEDIA, **options)


def test_headings_paragraphs_and_inline_markup():
    html = """<!-- wp:heading {"level":1} -->
<h1>Forest <em>of</em> death</h1>
<!-- /wp:heading -->

<!-- wp:heading {"level":3} -->
<h3>Near Izium</h3>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Searchers found <strong>447 bodies </strong>in the
forest; see <a href="https://police.example/report?id=1">the police report</a> and <code>case_12</code>.</p>
<!-- /wp:paragraph -->"""
    assert md(html) == (
        "## Forest *of* death\n\n"
        "### Near Izium\n\n"
        "Searchers found **447 bodies** in the forest; see [the police report](https://police.example/report?id=1) "
        "and `case_12`."
    )


def test_text_that_looks_like_markup_is_escaped():
    html = ("<p># 1 is not a heading, *stars* and _under_ stay, [brackets] too, a &lt;b&gt; tag, "
            "&amp;amp; and {{media 5}} is not a directive</p><p>1941. A year, not a list.</p><p>- not an item</p>")
    result = md(html)
    assert result == (
        "\\# 1 is not a heading, \\*stars\\* and \\_under\\_ stay, \\[brackets\\] too, a &lt;b> tag, "
        "&amp;amp; and {\\{media 5}} is not a directive\n\n1941\\. A year, not a list.\n\n\\- not an item")
    rendered = render_markdown(result)
    assert "data-litopys-media" not in rendered and "<h" not in rendered and "<li>" not in rendered
    assert "*stars*" in rendered and "&lt;b&gt; tag" in rendered and "{{media 5}}" in rendered


def test_a_quote_keeps_its_attribution():
    html = """<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>No light. No medicine.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Two doctors for the whole town.</p>
<!-- /wp:paragraph --><cite>Volunteer <em>Tata Kepler</em></cite></blockquote>
<!-- /wp:quote -->"""
    result = md(html)
    assert result == ("> No light. No medicine.\n>\n> Two doctors for the whole town.\n>\n"
                      "> — Volunteer *Tata Kepler*")
    assert render_markdown(result).startswith("<blockquote>\n<p>No light. No medicine.</p>")


def test_lists_nested_and_ordered():
    html = """<!-- wp:list {"ordered":true,"start":3} -->
<ol start="3"><!-- wp:list-item -->
<li>generators<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>two diesel</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list --></li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>insulin &amp; <strong>blankets</strong></li>
<!-- /wp:list-item --></ol>
<!-- /wp:list -->"""
    result = md(html)
    assert result == "3. generators\n    - two diesel\n4. insulin & **blankets**"
    assert "<ol start=\"3\">" in render_markdown(result) or "<ol>" in render_markdown(result)
    assert "<li>two diesel</li>" in render_markdown(result)


def test_an_imported_image_becomes_a_media_directive_and_its_caption_is_collected():
    html = ('<!-- wp:image {"id":5,"sizeSlug":"full"} -->\n'
            '<figure class="wp-block-image size-full"><a href="https://old.example/wp-content/uploads/forest.jpg">'
            '<img src="https://old.example/wp-content/uploads/forest.jpg" alt="The forest" class="wp-image-5"/></a>'
            '<figcaption class="wp-element-caption">Mass grave of <strong>447</strong> bodies</figcaption></figure>\n'
            "<!-- /wp:image -->")
    result = convert(html, MEDIA)
    assert result.markdown == "{{media 105}}"
    assert result.captions == {5: "Mass grave of 447 bodies"}
    assert result.alts == {5: "The forest"}
    assert '<span data-litopys-media="105"></span>' in render_markdown(result.markdown)


def test_an_image_found_only_by_its_block_id_or_address():
    by_block = ('<!-- wp:image {"id":6} --><figure class="wp-block-image"><img src="x.jpg" alt=""/></figure>'
                "<!-- /wp:image -->")
    assert md(by_block) == "{{media 106}}"
    by_url = '<p><img src="https://old.example/wp-content/uploads/2022/09/aid-300x200.png" alt="Aid"></p>'
    assert md(by_url, attachment_for_url=lambda url: 6 if "/aid" in url else None) == "{{media 106}}"


def test_an_unknown_image_keeps_its_address_alt_and_caption():
    html = ('<figure class="wp-block-image"><img src="https://elsewhere.example/a b.jpg" alt="A [map]" '
            'class="wp-image-99"/><figcaption>Map of the area</figcaption></figure>')
    result = convert(html, MEDIA)
    assert result.markdown == "![A \\[map\\]](https://elsewhere.example/a%20b.jpg)\n\n*Map of the area*"
    assert result.captions == {99: "Map of the area"}


def test_an_image_inside_a_paragraph_is_lifted_out_of_it():
    html = '<p>Before <img class="wp-image-5" src="f.jpg" alt=""> after.</p>'
    assert md(html) == "Before\n\n{{media 105}}\n\nafter."


def test_galleries_new_and_old():
    new = """<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":5} -->
<figure class="wp-block-image"><img src="a.jpg" alt="" class="wp-image-5"/><figcaption>One</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":6} -->
<figure class="wp-block-image"><img src="b.jpg" alt="" class="wp-image-6"/></figure>
<!-- /wp:image --><figcaption class="blocks-gallery-caption">Aid in Balakliia</figcaption></figure>
<!-- /wp:gallery -->"""
    result = convert(new, MEDIA)
    assert result.markdown == "{{media 105}}\n\n{{media 106}}\n\n*Aid in Balakliia*"
    assert result.captions == {5: "One"}
    old = ('<!-- wp:gallery {"ids":[5,6]} --><figure class="wp-block-gallery columns-2">'
           '<ul class="blocks-gallery-grid">'
           '<li class="blocks-gallery-item"><figure><img src="a.jpg" data-id="5" class="wp-image-5"/></figure></li>'
           '<li class="blocks-gallery-item"><figure><img src="b.jpg" data-id="6" class="wp-image-6"/></figure></li>'
           '</ul></figure><!-- /wp:gallery -->')
    assert md(old) == "{{media 105}}\n\n{{media 106}}"


def test_separator_embed_video_and_table():
    html = """<!-- wp:separator -->
<hr class="wp-block-separator has-alpha-channel-opacity"/>
<!-- /wp:separator -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc","type":"video","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc
</div><figcaption class="wp-element-caption">Exhumation, day one</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:video -->
<figure class="wp-block-video"><video controls src="https://old.example/wp-content/uploads/clip.mp4"></video></figure>
<!-- /wp:video -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Group</th><th>Bodies</th></tr></thead>
<tbody><tr><td>women</td><td>215</td></tr><tr><td>men | boys</td><td>194</td></tr></tbody></table></figure>
<!-- /wp:table -->"""
    assert md(html) == (
        "---\n\n<https://www.youtube.com/watch?v=abc>\n\n*Exhumation, day one*\n\n"
        "<https://old.example/wp-content/uploads/clip.mp4>\n\n"
        "| Group | Bodies |\n| --- | --- |\n| women | 215 |\n| men \\| boys | 194 |")
    assert "<td>215</td>" in render_markdown(md(html))


def test_unknown_dynamic_and_chrome_blocks():
    html = """<!-- wp:acme/timeline {"x":1} -->
<div class="acme-timeline"><p>10 September: Izium liberated.</p></div>
<!-- /wp:acme/timeline -->

<!-- wp:latest-posts {"postsToShow":3} /-->

<!-- wp:acme/donations-counter /-->

<!-- wp:social-links -->
<ul class="wp-block-social-links"><li><a href="https://facebook.example/">Facebook</a></li></ul>
<!-- /wp:social-links -->

<!-- wp:spacer -->
<div style="height:100px" aria-hidden="true" class="wp-block-spacer"></div>
<!-- /wp:spacer -->

<!-- wp:more -->
<!--more-->
<!-- /wp:more -->

<!-- wp:paragraph -->
<p>The end.</p>
<!-- /wp:paragraph -->
<div class="sharedaddy"><h3>Share this:</h3><a href="https://share.example/">Share</a></div>"""
    result = convert(html, MEDIA)
    assert result.markdown == "10 September: Izium liberated.\n\nThe end."
    assert result.warnings == ["unknown block wp:acme/timeline converted from its HTML",
                               "dynamic block wp:acme/donations-counter left out "
                               "(WordPress renders it; it holds no content)"]


def test_classic_html_paragraphs_line_breaks_and_shortcodes():
    html = """The basement held <em>hand restraints</em>.
Cells held people captive.

[caption id="attachment_5" align="alignnone" width="300"]<a href="f.jpg"><img class="wp-image-5" \
src="f-300x200.jpg" alt="Basement" /></a> The basement in Balakliia[/caption]

https://www.youtube.com/watch?v=xyz

[ratings] [gallery ids="6"]

<p>Closing words [sic].</p>"""
    result = convert(html, MEDIA)
    assert result.markdown == (
        "The basement held *hand restraints*.  \nCells held people captive.\n\n{{media 105}}\n\n"
        "[https://www.youtube.com/watch?v=xyz](https://www.youtube.com/watch?v=xyz)\n\n{{media 106}}\n\n"
        "Closing words \\[sic\\].")
    assert result.captions == {5: "The basement in Balakliia"}
    assert "<br>" in render_markdown(result.markdown) or "<br />" in render_markdown(result.markdown)


def test_hand_written_footnotes_become_markdown_footnotes():
    html = """<p>A twin of Bykivnia¹, Katyn², and an area of 2 km² — 10² graves.</p>
<hr class="wp-block-separator"/>
<p class="has-small-font-size">¹Bykivnia — NKVD execution site near Kyiv</p>
<p class="has-small-font-size">² Katyn — Soviet executions of Polish officers, 1940</p>"""
    result = md(html)
    assert result == ("A twin of Bykivnia[^1], Katyn[^2], and an area of 2 km² — 10² graves.\n\n"
                      "[^1]: Bykivnia — NKVD execution site near Kyiv\n"
                      "[^2]: Katyn — Soviet executions of Polish officers, 1940")
    rendered = render_markdown(result)
    assert 'class="footnote"' in rendered and 'href="#fn:2"' in rendered and rendered.count("<hr") == 1


def test_sup_footnotes_with_a_notes_heading():
    html = "<p>Police said so<sup>1</sup>.</p><h2>Notes</h2><p><sup>1</sup> Statement of 23 September.</p>"
    assert md(html) == "Police said so[^1].\n\n[^1]: Statement of 23 September."


def test_footnotes_that_do_not_match_one_to_one_are_left_alone():
    html = "<p>Bykivnia¹ and again¹.</p><p>¹Bykivnia — near Kyiv</p>"
    result = convert(html, MEDIA)
    assert result.markdown == "Bykivnia¹ and again¹.\n\n¹Bykivnia — near Kyiv"
    assert result.warnings == ["footnotes left as text: markers do not match the notes one to one (1 appears 2 times)"]
    gap = convert("<p>Word¹ word³.</p><p>¹One</p><p>³Three</p>", MEDIA)
    assert "[^" not in gap.markdown and "numbered [1, 3]" in gap.warnings[0]


def test_wordpress_core_footnotes_from_postmeta():
    html = ('<p>Exhumation<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup> ended'
            '<sup data-fn="b2" class="fn"><a href="#b2" id="b2-link">2</a></sup>.</p><!-- wp:footnotes /-->')
    notes = [{"id": "b2", "content": "Police, <em>23 September</em>"}, {"id": "a1", "content": "In the forest"}]
    assert md(html, footnotes=notes) == ("Exhumation[^1] ended[^2].\n\n[^1]: In the forest\n"
                                         "[^2]: Police, *23 September*")


def test_reusable_blocks_are_inlined_once():
    html = '<!-- wp:paragraph --><p>Story.</p><!-- /wp:paragraph --><!-- wp:block {"ref":7} /-->'
    stored = {7: '<p>Support us.</p><!-- wp:block {"ref":7} /-->'}
    result = convert(html, MEDIA, reusable=stored.get)
    assert result.markdown == "Story.\n\nSupport us."
    assert result.warnings == ["reusable block 7 is not in the export; left out"]


def test_internal_links_are_rewritten_and_unsafe_ones_dropped():
    html = ('<p><a href="https://old.example/2022/09/20/story/">the story</a>, '
            '<a href="javascript:alert(1)">click</a>, <a href="#top">top</a>.</p>')
    rewrite = {"https://old.example/2022/09/20/story/": "/en/chronicle/story/"}.get
    assert md(html, link_for=rewrite) == "[the story](/en/chronicle/story/), click, top."


def test_empty_input_and_determinism():
    assert md("") == "" and md("<p>&nbsp;</p>\n\n") == ""
    html = '<p>One¹</p><figure><img class="wp-image-5" src="a.jpg"><figcaption>c</figcaption></figure><p>¹Note</p>'
    assert md(html) == md(html) == "One[^1]\n\n{{media 105}}\n\n[^1]: Note"


def test_a_linked_image_loses_the_link_and_the_text_beside_it_keeps_it():
    html = ('<p><a href="https://police.example/"><img class="wp-image-5" src="f.jpg" alt=""> the police report</a>'
            ' and <a href="https://x.example/">7</a></p>')
    assert md(html) == "{{media 105}}\n\n[the police report](https://police.example/) and [7](https://x.example/)"
