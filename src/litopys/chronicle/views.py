"""Public pages of the chronicle."""

from django.shortcuts import render


def home(request):
    """Show the front page of the public chronicle."""
    return render(request, "chronicle/home.html")
