"""Publishing: a post goes public only when every figure it cites is verified; the editor is told which not."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from litopys.chronicle.models import Post, PostStatus
from litopys.chronicle.publishing import PublishRefused, publish, publish_problems

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]


def test_problems_name_each_unverified_figure_and_its_status(record):
    post = make_post("synthetic-draft", status=PostStatus.DRAFT,
                     body="{{figure synthetic-grave bodies}} and {{figure synthetic-shelling injured}} and "
                          "{{figure synthetic-nowhere killed}} and {{figure broken}}")
    problems = publish_problems(post)
    assert len(problems) == 3
    assert "synthetic-shelling injured" in problems[0] and "not verified yet (needs review)" in problems[0]
    assert "synthetic-nowhere killed" in problems[1] and "does not exist" in problems[1]
    assert "broken" in problems[2]
    with pytest.raises(PublishRefused) as refused:
        publish(post)
    assert refused.value.problems == problems
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT


def test_verified_figures_publish_and_a_future_time_schedules(record):
    post = make_post("synthetic-ok", status=PostStatus.DRAFT, body="{{figure synthetic-grave bodies}}",
                     published_at=None)
    assert publish_problems(post) == []
    assert publish(post) == PostStatus.PUBLISHED and post.published_at <= timezone.now()
    later = make_post("synthetic-later", status=PostStatus.DRAFT, body="No figures.", published_at=None)
    assert publish(later, when=timezone.now() + timedelta(days=2)) == PostStatus.SCHEDULED
    assert not Post.objects.published().filter(pk=later.pk).exists()
    Post.objects.filter(pk=later.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Post.objects.published().filter(pk=later.pk).exists()


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_superuser("chief-synthetic", "chief@example.org", "x-synthetic-pass")
    client.force_login(user)
    return client


def form_data(post, **changes):
    data = {"kind": post.kind, "title": post.title, "slug": post.slug, "language": post.language,
            "lead": post.lead, "body": post.body, "status": post.status, "author_name": post.author_name,
            "comments_open": "on", "published_at_0": "", "published_at_1": "",
            "_save": "Save"}
    data.update(changes)
    return data


def test_admin_refuses_to_publish_with_the_figures_named(staff_client, record):
    post = make_post("synthetic-admin", status=PostStatus.DRAFT, body="{{figure synthetic-shelling injured}}")
    url = f"/staff/chronicle/post/{post.pk}/change/"
    response = staff_client.post(url, form_data(post, status=PostStatus.PUBLISHED))
    assert response.status_code == 200
    page = response.content.decode()
    assert "cannot be published or scheduled yet" in page and "synthetic-shelling injured" in page
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT
    response = staff_client.post(url, form_data(post, status=PostStatus.SCHEDULED))
    assert "synthetic-shelling injured" in response.content.decode()
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT


def test_admin_publishes_verified_and_the_action_refuses_unverified(staff_client, record):
    good = make_post("synthetic-good", status=PostStatus.DRAFT, body="{{figure synthetic-grave bodies}}",
                     published_at=None)
    response = staff_client.post(f"/staff/chronicle/post/{good.pk}/change/",
                                 form_data(good, status=PostStatus.PUBLISHED))
    assert response.status_code == 302
    good.refresh_from_db()
    assert good.status == PostStatus.PUBLISHED and good.published_at is not None
    bad = make_post("synthetic-bad", status=PostStatus.DRAFT, body="{{figure synthetic-shelling injured}}")
    ok = make_post("synthetic-fine", status=PostStatus.DRAFT, body="Plain words.", published_at=None)
    response = staff_client.post("/staff/chronicle/post/", {"action": "publish_selected",
                                                            "_selected_action": [bad.pk, ok.pk]}, follow=True)
    page = response.content.decode()
    assert "synthetic-shelling injured" in page
    bad.refresh_from_db()
    ok.refresh_from_db()
    assert bad.status == PostStatus.DRAFT and ok.status == PostStatus.PUBLISHED


def test_preview_renders_a_draft_for_staff_only(client, staff_client, record):
    draft = make_post("synthetic-preview", status=PostStatus.DRAFT, title="A synthetic draft to preview",
                      body="{{figure synthetic-shelling injured}} wounded.")
    url = f"/staff/chronicle/post/{draft.pk}/preview/"
    response = staff_client.get(url)
    page = response.content.decode()
    assert response.status_code == 200 and "A synthetic draft to preview" in page
    assert "synthetic-shelling injured" in page and "no-store" in response["Cache-Control"]
    assert "58 people were wounded" not in page
    staff_client.logout()
    assert client.get(url).status_code == 302
    assert client.get("/posts/synthetic-preview/").status_code == 404


def test_revisions_are_kept(staff_client, record):
    post = make_post("synthetic-history", status=PostStatus.DRAFT, body="First words.")
    post.body = "Second words."
    post.save()
    assert post.history.count() == 2
    response = staff_client.get(f"/staff/chronicle/post/{post.pk}/history/")
    assert response.status_code == 200
    old = post.history.earliest()
    revert = staff_client.get(f"/staff/chronicle/post/{post.pk}/history/{old.history_id}/")
    assert revert.status_code == 200 and "First words." in revert.content.decode()


def test_only_editors_with_the_permission_may_publish(client, record):
    from django.contrib.auth.models import Permission

    writer = get_user_model().objects.create_user("writer-synthetic", password="x-synthetic-pass", is_staff=True)
    writer.user_permissions.set(Permission.objects.filter(codename__in=["change_post", "view_post"]))
    client.force_login(writer)
    post = make_post("synthetic-writer", status=PostStatus.DRAFT, body="Plain words.")
    response = client.post(f"/staff/chronicle/post/{post.pk}/change/", form_data(post, status="published"))
    assert "You may not publish posts" in response.content.decode()
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT


def test_a_post_cannot_cite_a_figure_of_a_draft_incident(record, analyst, reviewer):
    from .conftest import make_claim, make_source, verify

    claim = make_claim(make_source("Synthetic draft source"), record["draft_incident"], 31,
                       "31 bodies in the draft incident")
    verify(claim, analyst, reviewer)
    post = make_post("synthetic-draft-cites", status=PostStatus.DRAFT,
                     body="{{figure synthetic-draft-incident bodies}} bodies.")
    [problem] = publish_problems(post)
    assert "about an incident that is not published" in problem
    page = make_post("synthetic-published-cites", body="{{figure synthetic-draft-incident bodies}} bodies.")
    from django.test import Client

    html = Client().get(page.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ">31<" not in html and "31 bodies in the draft incident" not in html


def test_unpublishing_a_cited_incident_names_the_posts_and_asks(client, record, editor):
    from django.contrib.auth import get_user_model

    from litopys.incidents.models import Incident

    admin = get_user_model().objects.create_superuser("admin-synthetic", password="x-synthetic-pass")
    make_post("synthetic-cites-grave", title="Synthetic story of the grave",
              body="{{figure synthetic-grave bodies}} bodies.").save()
    client.force_login(admin)
    grave = Incident.objects.get(slug="synthetic-grave")
    url = f"/staff/incidents/incident/{grave.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name in form.fields}
    data.update(status="draft", legal_qualifications=[], _save="Save")
    data.update({f"sites-{key}": value for key, value in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()})
    data = {key: value for key, value in data.items() if value is not False}
    answer = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200 and "Synthetic story of the grave" in answer.content.decode()
    assert Incident.objects.get(pk=grave.pk).status == "published"
    data["unpublish_anyway"] = "on"
    assert client.post(url, data).status_code == 302
    assert Incident.objects.get(pk=grave.pk).status == "draft"
