def navigation(request):
    """What the page header needs: the user's municipalities, read lazily."""
    from temaplan.accounts import access

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"nav_municipalities": lambda: list(access.municipalities_for(request))}
