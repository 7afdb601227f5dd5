"""The object catalog: categories, real-world sizes, placement kinds, surfaces and synonyms."""
from .catalog import Catalog, CatalogError, Category, Surface, load_catalog, plain_text

__all__ = ["Catalog", "CatalogError", "Category", "Surface", "load_catalog", "plain_text"]
