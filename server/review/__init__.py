"""The partnership's annual review: figures, never names or words."""
