"""Which jobs a person may see: their own, or everyone's with `jobs.view_all_jobs`."""

from litopys.jobs.models import Job


def jobs_for(user):
    jobs = Job.objects.select_related("owner")
    if user.is_superuser or user.has_perm("jobs.view_all_jobs"):
        return jobs
    return jobs.filter(owner=user)


def as_dict(job: Job, lines: bool = True) -> dict:
    data = {
        "id": job.pk, "kind": job.kind, "title": job.title, "state": job.state, "done": job.done,
        "total": job.total, "failure": job.failure, "attempts": job.attempts, "worker": job.worker,
        "owner": job.owner.get_username() if job.owner else "", "result": job.result,
        "created_at": job.created_at.isoformat() if job.created_at else None,
        "started_at": job.started_at.isoformat() if job.started_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }
    if lines:
        data["log"] = [{"at": line.at.isoformat(), "level": line.level, "message": line.message}
                       for line in job.lines.all()]
    return data
