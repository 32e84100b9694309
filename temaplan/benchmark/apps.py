from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    name = "temaplan.benchmark"
    label = "benchmark"
    verbose_name = "Kommune-NM og sammenligning"
