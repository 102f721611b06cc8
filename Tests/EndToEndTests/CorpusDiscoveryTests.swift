import Foundation
import Testing
import TestSupport
@testable import TrendReport

/// Folders are walked a level at a time, but the order must be that of sorting every path.
@Suite struct CorpusDiscoveryTests {
    @Test func folderWalk_ordersAsSortedPaths_andSkipsWhatIsNotAReport() throws {
        let root = Paths.temporaryFolder()
        let fm = FileManager.default
        let files = ["a/b.txt", "a-c.txt", "a/z/1.html", "ab/2.docx", "b.TXT", "a/.hidden.txt", ".git/x.txt", "a/README.txt",
                     "manifest.txt", "notes.csv", "a/y.pdf"]
        for f in files {
            let url = root.appendingPathComponent(f)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: root.appendingPathComponent("b.TXT").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("looped").path, withDestinationPath: root.path)
        let walked = Array(FolderWalk(root.path, skip: []))
        let expected = ["a-c.txt", "a/b.txt", "a/y.pdf", "a/z/1.html", "ab/2.docx", "b.TXT", "link.txt"].map { root.path + "/" + $0 }
        #expect(walked == expected)
        #expect(walked == walked.sorted())
        // The manifest named on the command line is left out whatever its name.
        let skipped = Array(FolderWalk(root.path + "/", skip: [root.path + "/b.TXT"]))
        #expect(skipped == expected.filter { !$0.hasSuffix("/b.TXT") })
    }
}
