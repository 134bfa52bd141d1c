"""The dock "Grüne Infrastruktur" and its parts.

The logic of each part (``roles``, ``inspector``, ``hz_browser``, ``sample_loader``) lives in
plain functions that tests call without widgets; the widgets only show what those return.
The dock never scores anything itself: it fills the Processing dialogs and explains results.
"""
