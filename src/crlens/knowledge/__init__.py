"""The knowledge base: review framework, concept lexicon, norms and jurisdiction examples, as validated data."""
