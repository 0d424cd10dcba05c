import { relations } from "drizzle-orm";
import { users } from "./auth";
import { reminders } from "./reminders";
import { tasks } from "./tasks";
import { categories, tags, taskTags } from "./taxonomy";

export const usersRelations = relations(users, ({ many }) => ({ tasks: many(tasks) }));

export const tasksRelations = relations(tasks, ({ one, many }) => ({
  user: one(users, { fields: [tasks.userId], references: [users.id] }),
  category: one(categories, { fields: [tasks.categoryId], references: [categories.id] }),
  taskTags: many(taskTags),
  reminders: many(reminders),
}));

export const categoriesRelations = relations(categories, ({ many }) => ({ tasks: many(tasks) }));
export const tagsRelations = relations(tags, ({ many }) => ({ taskTags: many(taskTags) }));

export const taskTagsRelations = relations(taskTags, ({ one }) => ({
  task: one(tasks, { fields: [taskTags.taskId], references: [tasks.id] }),
  tag: one(tags, { fields: [taskTags.tagId], references: [tags.id] }),
}));

export const remindersRelations = relations(reminders, ({ one }) => ({
  task: one(tasks, { fields: [reminders.taskId], references: [tasks.id] }),
}));
