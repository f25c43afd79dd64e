"""GraphQL for headless frontends: wagtail-ward's types on wagtail-grapple's schema.

Optional (``pip install wagtail-ward[graphql]``): ``WagtailWardConfig.ready()`` imports this
package only when ``grapple`` is an installed app, and ``register()`` adds the ward query
fields to the schema grapple builds (its ``register_schema_query`` hook). See docs/graphql.md.
"""

from wagtail import hooks


def register():
    """Add ``WardQuery`` (the ward page types, snippets and site info) to grapple's schema."""
    # Imported here: grapple's modules read the app registry, which is ready only now.
    from .schema import add_ward_query

    hooks.register("register_schema_query", add_ward_query)
