from django.urls import path, re_path

from litopys.chronicle import reader_views, syndication, testimony, views

app_name = "chronicle"
urlpatterns = [
    path("", views.home, name="home"),
    path("posts/<str:slug>/", views.post_detail, name="post"),
    path("posts/<str:slug>/rate/", reader_views.rate, name="rate"),
    path("posts/<str:slug>/comment/", reader_views.comment, name="comment"),
    path("pages/<str:slug>/", views.page_detail, name="page"),
    path("pages/<str:slug>/comment/", reader_views.comment, name="page-comment"),
    path("comments/confirm/<str:token>/", reader_views.confirm_comment, name="confirm-comment"),
    path("category/<str:slug>/", views.category, name="category"),
    path("tag/<str:slug>/", views.tag, name="tag"),
    re_path(r"^archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.month, name="month"),
    path("search/", views.search_page, name="search"),
    path("feed/", syndication.rss, name="feed"),
    path("feed/atom/", syndication.atom, name="feed-atom"),
    path("sitemap.xml", syndication.sitemap, name="sitemap"),
    path("robots.txt", syndication.robots, name="robots"),
    path("language/", reader_views.set_language, name="set-language"),
    path("media/<path:path>", reader_views.media_file, name="media"),
    path("testimony/", testimony.testimony, name="testimony"),
]
