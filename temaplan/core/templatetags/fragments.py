"""{% fragment key "part" %}…{% endfragment %}: a fragment cached by the versions it shows.

The key comes from the view (core.fragments.fragment_key); an empty key (an edit form is open,
say) renders the fragment as usual, uncached. Further arguments are joined to the key, so one
key serves the several fragments of a page.
"""

from django import template

from temaplan.core.fragments import cached_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, key, parts):
        self.nodelist, self.key, self.parts = nodelist, key, parts

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        key = ":".join([key, *(str(part.resolve(context)) for part in self.parts)])

        def render(placeholder):
            with context.push(csrf_token=placeholder):
                return self.nodelist.render(context)

        return cached_fragment(key, render, context.get("csrf_token"))


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} trenger en nøkkel.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
