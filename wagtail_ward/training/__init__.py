"""Training programmes (đào tạo): the programme page, its courses and online applications."""
