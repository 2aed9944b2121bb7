import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">
        No record at this address.{" "}
        <Link className="text-brand hover:underline" href="/">
          Back to search
        </Link>
      </p>
    </div>
  );
}
