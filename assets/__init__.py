"""The object catalog: categories, real-world sizes, placement kinds, surfaces and synonyms."""
from .catalog import Catalog, CatalogError, Category, Surface, load_catalog

__all__ = ["Catalog", "CatalogError", "Category", "Surface", "load_catalog"]
